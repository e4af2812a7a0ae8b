package dev.ordo.marketplace.services;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;

/**
 * The inventory as a service of its own (ADR 27): the stock of each product, on its own database. Sagas reserve,
 * release and ship stock by message (its {@link ParticipantEndpoint} reads its request topic); its events go to Kafka
 * through its outbox relay, for the read models other services keep of the stock. Runs the inventory context and the
 * platform, without the sagas' API.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@ComponentScan(basePackages = {"dev.ordo.marketplace.inventory", "dev.ordo.marketplace.platform"},
        excludeFilters = @ComponentScan.Filter(type = FilterType.REGEX,
                pattern = "dev\\.ordo\\.marketplace\\.platform\\.sagas\\..*"))
@Import(Participants.class)
public class InventoryServiceApplication {
}
