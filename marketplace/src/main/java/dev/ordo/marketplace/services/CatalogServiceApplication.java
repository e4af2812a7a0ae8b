package dev.ordo.marketplace.services;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;

/**
 * The catalog as a service of its own (ADR 27): products, prices and availability, on its own database, its events
 * published to Kafka by its outbox relay for the services that keep a replica of its read model. Runs the catalog
 * context and the platform, without the sagas' API (no saga runs here).
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@ComponentScan(basePackages = {"dev.ordo.marketplace.catalog", "dev.ordo.marketplace.platform"},
        excludeFilters = @ComponentScan.Filter(type = FilterType.REGEX,
                pattern = "dev\\.ordo\\.marketplace\\.platform\\.sagas\\..*"))
public class CatalogServiceApplication {
}
