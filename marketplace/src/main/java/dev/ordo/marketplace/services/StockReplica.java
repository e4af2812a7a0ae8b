package dev.ordo.marketplace.services;

import dev.ordo.core.bus.query.SimpleQueryBus;
import dev.ordo.marketplace.inventory.StockEvent;
import dev.ordo.marketplace.inventory.readmodel.InventoryQueries;
import dev.ordo.marketplace.platform.wiring.ContextEvents;
import dev.ordo.marketplace.platform.wiring.ContextRoutes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The stock as a service that does not own it sees it: the inventory's read model ({@code stock}, its projection fed
 * from the inventory service's events on Kafka: {@code ordo.kafka.projections.names=stock}) answers
 * {@link InventoryQueries.FindStock}, which the order quotes ask. A quote may show a level a moment old; reserving is
 * the inventory's, by message, and decides on the stock's own stream.
 */
@Configuration(proxyBeanMethods = false)
public class StockReplica {

    /** The inventory's events, which the replica decodes. */
    @Bean
    ContextEvents stockReplicaEvents() {
        return events -> events.registerSealed(StockEvent.class);
    }

    @Bean
    ContextRoutes stockReplicaRoutes(InventoryQueries stock) {
        return new ContextRoutes() {
            @Override
            public void queries(SimpleQueryBus.Builder queries) {
                queries.register(InventoryQueries.FindStock.class, stock::find);
            }
        };
    }
}
