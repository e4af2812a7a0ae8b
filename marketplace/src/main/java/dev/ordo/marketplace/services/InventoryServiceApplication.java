package dev.ordo.marketplace.services;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;

/**
 * The inventory as a service of its own (ADR 27): the stock of each product, on its own database. Sagas reserve,
 * release and ship stock by message (its {@link ParticipantEndpoint} reads its request topic); its events go to Kafka
 * through its outbox relay, for the read models other services keep of the stock. A delivery is refused for a product
 * the catalog never registered: the catalog's replica ({@link CatalogReplica}, fed from {@code marketplace.product})
 * answers. Runs the inventory context and the platform, without the sagas' API.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@ComponentScan(basePackages = {"dev.ordo.marketplace.inventory", "dev.ordo.marketplace.platform",
        "dev.ordo.marketplace.catalog.readmodel"},
        excludeFilters = @ComponentScan.Filter(type = FilterType.REGEX,
                pattern = "dev\\.ordo\\.marketplace\\.platform\\.sagas\\..*"))
@Import({Participants.class, CatalogReplica.class})
public class InventoryServiceApplication {
}
