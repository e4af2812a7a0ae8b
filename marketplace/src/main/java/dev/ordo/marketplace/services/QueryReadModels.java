package dev.ordo.marketplace.services;

import dev.ordo.marketplace.catalog.ProductEvent;
import dev.ordo.marketplace.ordering.OrderEvent;
import dev.ordo.marketplace.platform.wiring.ContextEvents;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The events the query service's read models decode: the orders' and the catalog's, as the services publish them. */
@Configuration(proxyBeanMethods = false)
public class QueryReadModels {

    @Bean
    ContextEvents queryEvents() {
        return events -> events.registerSealed(OrderEvent.class).registerSealed(ProductEvent.class);
    }
}
