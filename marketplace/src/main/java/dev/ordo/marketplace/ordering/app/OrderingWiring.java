package dev.ordo.marketplace.ordering.app;

import dev.ordo.core.bus.command.SimpleCommandBus;
import dev.ordo.core.snapshot.StateCodec;
import dev.ordo.marketplace.ordering.Order;
import dev.ordo.marketplace.ordering.OrderCommand;
import dev.ordo.marketplace.ordering.OrderEvent;
import dev.ordo.marketplace.platform.wiring.ContextEvents;
import dev.ordo.marketplace.platform.wiring.ContextRoutes;
import dev.ordo.marketplace.platform.wiring.EventMapper;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Ordering's part of the process's wiring: its events, its snapshots and its routes. */
@Configuration(proxyBeanMethods = false)
public class OrderingWiring {

    @Bean
    ContextEvents orderingEvents() {
        return events -> events.registerSealed(OrderEvent.class);
    }

    @Bean
    StateCodec<Order> orderStateCodec(EventMapper mapper) {
        return OrderStateCodec.create(mapper.json());
    }

    @Bean
    ContextRoutes orderingRoutes(OrderService orders) {
        return new ContextRoutes() {
            @Override
            public void commands(SimpleCommandBus.Builder commands) {
                commands.registerStreams(OrderCommand.class, orders.streams().handler());
            }
        };
    }
}
