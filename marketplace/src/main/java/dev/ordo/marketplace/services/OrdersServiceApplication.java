package dev.ordo.marketplace.services;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Import;

/**
 * Every context but the catalog's, as one service on its own database (ADR 27, the first split): ordering with the
 * fulfilment saga, inventory, payments, shipping, notifications and analytics. It reads the catalog through a replica
 * of the catalog's read model fed from the catalog service's events on Kafka ({@link CatalogReplica}); the other
 * contexts split off from it next.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@ComponentScan(basePackages = {"dev.ordo.marketplace.ordering", "dev.ordo.marketplace.fulfilment",
        "dev.ordo.marketplace.inventory", "dev.ordo.marketplace.payments", "dev.ordo.marketplace.shipping",
        "dev.ordo.marketplace.notifications", "dev.ordo.marketplace.analytics", "dev.ordo.marketplace.platform",
        "dev.ordo.marketplace.catalog.readmodel"})
@Import(CatalogReplica.class)
public class OrdersServiceApplication {
}
