package dev.ordo.marketplace.services;

import dev.ordo.core.bus.query.SimpleQueryBus;
import dev.ordo.marketplace.catalog.IsProductRegistered;
import dev.ordo.marketplace.catalog.ProductEvent;
import dev.ordo.marketplace.catalog.readmodel.ProductQueries;
import dev.ordo.marketplace.platform.wiring.ContextEvents;
import dev.ordo.marketplace.platform.wiring.ContextRoutes;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The catalog as a service that does not own it sees it: the catalog's read model ({@code products}, its projection
 * fed from the catalog service's events on Kafka: {@code ordo.kafka.projections.names=products}) answers the catalog's
 * queries. A product registered in the catalog service is known here once its event arrived (eventually; the catalog
 * refuses nothing an order needs in the meantime: an order for a product not known yet is refused as not in the
 * catalog, and may be placed again).
 */
@Configuration(proxyBeanMethods = false)
public class CatalogReplica {

    /** The catalog's events, which the replica decodes. */
    @Bean
    ContextEvents catalogReplicaEvents() {
        return events -> events.registerSealed(ProductEvent.class);
    }

    @Bean
    ContextRoutes catalogReplicaRoutes(ProductQueries products) {
        return new ContextRoutes() {
            @Override
            public void queries(SimpleQueryBus.Builder queries) {
                queries.register(ProductQueries.FindProducts.class, products::find)
                        .register(IsProductRegistered.class, query -> !products.find(new ProductQueries.FindProducts(
                                Set.of(query.productId().toString()))).isEmpty());
            }
        };
    }
}
