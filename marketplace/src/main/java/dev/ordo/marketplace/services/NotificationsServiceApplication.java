package dev.ordo.marketplace.services;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;

/**
 * Notifications as a service of its own (ADR 27): the notifications sent to customers and their read model, on its own
 * database. Sagas ask for notifications by message (its {@link ParticipantEndpoint} reads its request topic:
 * orchestration); its read model follows the orders' progress from the orders service's events on Kafka
 * ({@link OrderEventsFeed}, with {@code ordo.kafka.projections}: choreography) and its own notifications' events, which
 * its relay publishes. Runs the notifications context and the platform, without the sagas' API.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@ComponentScan(basePackages = {"dev.ordo.marketplace.notifications", "dev.ordo.marketplace.platform"},
        excludeFilters = @ComponentScan.Filter(type = FilterType.REGEX,
                pattern = "dev\\.ordo\\.marketplace\\.platform\\.sagas\\..*"))
@Import({Participants.class, OrderEventsFeed.class})
public class NotificationsServiceApplication {
}
