package dev.ordo.marketplace.services;

import dev.ordo.marketplace.ordering.OrderEvent;
import dev.ordo.marketplace.platform.wiring.ContextEvents;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The orders' events as a service that reacts to them reads them from Kafka (choreography): the notifications tell
 * customers about their orders' progress from the orders service's events, which this registers for decoding.
 */
@Configuration(proxyBeanMethods = false)
public class OrderEventsFeed {

    @Bean
    ContextEvents orderEventsFeed() {
        return events -> events.registerSealed(OrderEvent.class);
    }
}
