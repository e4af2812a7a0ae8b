package dev.ordo.saga;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ordo.core.bus.command.CommandMessage;
import dev.ordo.core.bus.command.SimpleCommandBus;
import dev.ordo.core.event.Envelope;
import dev.ordo.core.event.EventMetadata;
import dev.ordo.core.event.EventType;
import dev.ordo.core.event.EventTypeRegistry;
import dev.ordo.core.event.StreamId;
import dev.ordo.core.store.EventFilter;
import dev.ordo.core.store.ExpectedVersion;
import dev.ordo.core.store.InMemoryEventStore;
import dev.ordo.core.subscription.HeadSignal;
import dev.ordo.core.subscription.InMemoryCheckpointStore;
import dev.ordo.core.subscription.SubscriptionOptions;
import dev.ordo.core.subscription.Subscriptions;
import dev.ordo.jackson.JacksonEventSerializer;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ProcessManagerUnitTests {

    sealed interface ShopEvent {
    }

    @EventType("shop.order-paid")
    record OrderPaid(String orderId) implements ShopEvent {
    }

    @EventType("shop.order-cancelled")
    record OrderCancelled(String orderId) implements ShopEvent {
    }

    record ShipOrder(String orderId) {
    }

    /** Ships every paid order. */
    static final class Shipping implements ProcessManager<ShopEvent> {
        @Override
        public String name() {
            return "shipping";
        }

        @Override
        public EventFilter filter() {
            return EventFilter.categories("order");
        }

        @Override
        public Class<ShopEvent> eventType() {
            return ShopEvent.class;
        }

        @Override
        public List<Object> react(Envelope<ShopEvent> event) {
            return switch (event.event()) {
                case OrderPaid paid -> List.of(new ShipOrder(paid.orderId()));
                case OrderCancelled cancelled -> List.of();
            };
        }
    }

    @Test
    void reactsToEventsWithCommandsThatNameTheEventAsTheirCause() {
        InMemoryEventStore store = new InMemoryEventStore();
        JacksonEventSerializer serializer = JacksonEventSerializer.of(
                EventTypeRegistry.builder().registerSealed(ShopEvent.class).build());
        List<CommandMessage> dispatched = Collections.synchronizedList(new ArrayList<>());
        var bus = SimpleCommandBus.builder().register(ShipOrder.class, (command, metadata) -> null)
                .middleware((message, next) -> {
                    dispatched.add(message);
                    return next.proceed(message);
                })
                .build();
        HeadSignal signal = new HeadSignal();
        store.onCommit(signal::advance);
        try (Subscriptions subscriptions = new Subscriptions(store, signal, null, Clock.systemUTC())) {
            ProcessManagerRunner.start(new Shipping(), subscriptions, new InMemoryCheckpointStore(), serializer, bus,
                    SubscriptionOptions.defaults().withPollInterval(Duration.ofHours(1)));

            var paid = serializer.serialize(new OrderPaid("o-1"), EventMetadata.empty().withCorrelationId("req-7"));
            store.append(StreamId.of("order-1"), ExpectedVersion.any(), List.of(paid,
                    serializer.serialize(new OrderCancelled("o-1"), EventMetadata.empty())));

            await().atMost(10, TimeUnit.SECONDS).until(() -> dispatched.size() == 1);
            CommandMessage ship = dispatched.getFirst();
            assertThat(ship.command()).isEqualTo(new ShipOrder("o-1"));
            assertThat(ship.metadata().causationId()).isEqualTo(paid.eventId().toString());
            assertThat(ship.metadata().correlationId()).isEqualTo("req-7");
            assertThat(ship.metadata().actor()).isEqualTo("process-manager:shipping");
        }
    }
}
