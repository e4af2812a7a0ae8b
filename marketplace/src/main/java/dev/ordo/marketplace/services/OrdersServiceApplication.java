package dev.ordo.marketplace.services;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.PropertySource;

/**
 * Ordering as a service on its own database (ADR 27): the orders, the fulfilment saga that orchestrates the other
 * services, and the analytics. The saga asks the inventory, payments, shipping and notifications services by message
 * over Kafka ({@link RemoteParticipants}); the order quotes read the catalog
 * and the stock from replicas of their read models fed from those services' events ({@link CatalogReplica},
 * {@link StockReplica}).
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@ComponentScan(basePackages = {"dev.ordo.marketplace.ordering", "dev.ordo.marketplace.fulfilment",
        "dev.ordo.marketplace.analytics", "dev.ordo.marketplace.platform",
        "dev.ordo.marketplace.catalog.readmodel", "dev.ordo.marketplace.inventory.readmodel"})
@Import({CatalogReplica.class, StockReplica.class, RemoteParticipants.class})
@PropertySource("classpath:dev/ordo/marketplace/services/orders-service.properties")
public class OrdersServiceApplication {
}
