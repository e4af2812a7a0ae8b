package dev.ordo.marketplace.services;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;

/**
 * The payments as a service of their own (ADR 27): the payment provider behind its circuit breaker, and what it did
 * for each order, on its own database. Sagas charge and refund orders by message (its {@link ParticipantEndpoint}
 * reads its request topic, an order's requests one after the other); {@code GET /payments/{orderId}} shows an order's
 * payments. Runs the payments context and the platform, without the sagas' API.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@ComponentScan(basePackages = {"dev.ordo.marketplace.payments", "dev.ordo.marketplace.platform"},
        excludeFilters = @ComponentScan.Filter(type = FilterType.REGEX,
                pattern = "dev\\.ordo\\.marketplace\\.platform\\.sagas\\..*"))
@Import(Participants.class)
public class PaymentsServiceApplication {
}
