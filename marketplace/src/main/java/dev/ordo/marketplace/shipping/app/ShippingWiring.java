package dev.ordo.marketplace.shipping.app;

import dev.ordo.core.bus.command.SimpleCommandBus;
import dev.ordo.marketplace.platform.wiring.ContextEvents;
import dev.ordo.marketplace.platform.wiring.ContextRoutes;
import dev.ordo.marketplace.shipping.ShipmentCommand;
import dev.ordo.marketplace.shipping.ShipmentEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Shipping's part of the process's wiring: its events and its routes. */
@Configuration(proxyBeanMethods = false)
public class ShippingWiring {

    @Bean
    ContextEvents shippingEvents() {
        return events -> events.registerSealed(ShipmentEvent.class);
    }

    @Bean
    ContextRoutes shippingRoutes(ShippingService shipping) {
        return new ContextRoutes() {
            @Override
            public void commands(SimpleCommandBus.Builder commands) {
                commands.registerStreams(ShipmentCommand.class, shipping.streams().handler());
            }
        };
    }
}
