package dev.ordo.marketplace.notifications.app;

import dev.ordo.core.bus.command.SimpleCommandBus;
import dev.ordo.marketplace.notifications.NotificationEvent;
import dev.ordo.marketplace.notifications.SendNotification;
import dev.ordo.marketplace.platform.wiring.ContextEvents;
import dev.ordo.marketplace.platform.wiring.ContextRoutes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The notifications' part of the process's wiring: their events and their routes. */
@Configuration(proxyBeanMethods = false)
public class NotificationsWiring {

    @Bean
    ContextEvents notificationEvents() {
        return events -> events.registerSealed(NotificationEvent.class);
    }

    @Bean
    ContextRoutes notificationRoutes(NotificationService notifications) {
        return new ContextRoutes() {
            @Override
            public void commands(SimpleCommandBus.Builder commands) {
                commands.registerStreams(SendNotification.class, notifications.streams().handler());
            }
        };
    }
}
