package dev.ordo.marketplace.services;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;

/**
 * Shipping as a service of its own (ADR 27): the shipments, on its own database, booked and cancelled by sagas by
 * message (its {@link ParticipantEndpoint} reads its request topic). Runs the shipping context and the platform,
 * without the sagas' API.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@ComponentScan(basePackages = {"dev.ordo.marketplace.shipping", "dev.ordo.marketplace.platform"},
        excludeFilters = @ComponentScan.Filter(type = FilterType.REGEX,
                pattern = "dev\\.ordo\\.marketplace\\.platform\\.sagas\\..*"))
@Import(Participants.class)
public class ShippingServiceApplication {
}
