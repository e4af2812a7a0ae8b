package dev.ordo.marketplace.services;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;

/**
 * The query service (ADR 27): the cross-context read side, by choreography. Its read models (orders and their lines,
 * products) are fed only from the other services' events on Kafka (every projection: {@code ordo.kafka.projections}),
 * it owns no stream and sends no command; it serves the analytics. Runs the analytics, the orders' and the catalog's
 * read models and the platform, without the sagas' API.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@ComponentScan(basePackages = {"dev.ordo.marketplace.analytics", "dev.ordo.marketplace.ordering.readmodel",
        "dev.ordo.marketplace.catalog.readmodel", "dev.ordo.marketplace.platform"},
        excludeFilters = @ComponentScan.Filter(type = FilterType.REGEX,
                pattern = "dev\\.ordo\\.marketplace\\.platform\\.sagas\\..*"))
@Import(QueryReadModels.class)
public class QueryServiceApplication {
}
