package dev.ordo.saga;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ordo.core.bus.command.CommandMessage;
import dev.ordo.core.bus.command.SimpleCommandBus;
import dev.ordo.core.event.Envelope;
import dev.ordo.core.event.EventData;
import dev.ordo.core.event.EventMetadata;
import dev.ordo.core.event.EventType;
import dev.ordo.core.event.EventTypeRegistry;
import dev.ordo.core.event.RecordedEvent;
import dev.ordo.core.event.StreamId;
import dev.ordo.core.store.EventFilter;
import dev.ordo.core.store.ExpectedVersion;
import dev.ordo.core.store.InMemoryEventStore;
import dev.ordo.core.subscription.HeadSignal;
import dev.ordo.core.subscription.InMemoryCheckpointStore;
import dev.ordo.core.subscription.SubscriptionOptions;
import dev.ordo.core.subscription.Subscriptions;
import dev.ordo.core.trace.InMemoryTracing;
import dev.ordo.core.trace.Tracing;
import dev.ordo.jackson.JacksonEventSerializer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
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

    @Test
    void aReactionContinuesItsEventsTraceAndItsCommandsCarryTheReactionsSpan() {
        String placement = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        JacksonEventSerializer serializer = JacksonEventSerializer.of(
                EventTypeRegistry.builder().registerSealed(ShopEvent.class).build());
        List<CommandMessage> dispatched = new ArrayList<>();
        var bus = SimpleCommandBus.builder().register(ShipOrder.class, (command, metadata) -> null)
                .middleware((message, next) -> {
                    dispatched.add(message);
                    return next.proceed(message);
                })
                .build();
        InMemoryTracing tracing = new InMemoryTracing();
        var paid = serializer.serialize(new OrderPaid("o-1"), EventMetadata.empty().withTraceParent(placement));
        RecordedEvent recorded = new RecordedEvent(paid.eventId(), StreamId.of("order-1"), 1, 1, paid.eventType(),
                paid.schemaVersion(), paid.payload(), paid.metadata(), Instant.EPOCH);

        ProcessManagerRunner.react(new Shipping(), serializer, bus, recorded, tracing);
        ProcessManagerRunner.react(new Shipping(), serializer, bus, recorded, Tracing.none());

        InMemoryTracing.Span reaction = tracing.named("react shipping").getFirst();
        assertThat(reaction.parentSpanId()).isEqualTo("00f067aa0ba902b7");
        assertThat(dispatched).extracting(m -> m.metadata().traceParent())
                .as("traced, then untraced: the event's own context").containsExactly(reaction.traceParent(), placement);
    }

    @Test
    void theEventsOfOneStreamAreReactedToInOrderWhileOtherStreamsRunSideBySide() {
        InMemoryEventStore store = new InMemoryEventStore();
        JacksonEventSerializer serializer = JacksonEventSerializer.of(
                EventTypeRegistry.builder().registerSealed(ShopEvent.class).build());
        CountDownLatch otherStreamRan = new CountDownLatch(1);
        List<String> shipped = Collections.synchronizedList(new ArrayList<>());
        List<String> waitedForTheOtherStream = Collections.synchronizedList(new ArrayList<>());
        var bus = SimpleCommandBus.builder().register(ShipOrder.class, (command, metadata) -> {
            if (command.orderId().equals("a-1") && awaitQuietly(otherStreamRan)) {
                waitedForTheOtherStream.add(command.orderId());
            }
            if (command.orderId().startsWith("b")) {
                otherStreamRan.countDown();
            }
            shipped.add(command.orderId());
            return null;
        }).build();
        store.append(StreamId.of("order-a"), ExpectedVersion.any(), List.of(paid(serializer, "a-1"),
                paid(serializer, "a-2"), paid(serializer, "a-3")));
        store.append(StreamId.of("order-b"), ExpectedVersion.any(), List.of(paid(serializer, "b-1")));
        HeadSignal signal = new HeadSignal();
        store.onCommit(signal::advance);
        InMemoryCheckpointStore checkpoints = new InMemoryCheckpointStore();

        try (Subscriptions subscriptions = new Subscriptions(store, signal, null, Clock.systemUTC())) {
            ProcessManagerRunner.start(new Shipping(), subscriptions, checkpoints, serializer, bus,
                    SubscriptionOptions.defaults().withPollInterval(Duration.ofMillis(20)));

            await().atMost(20, TimeUnit.SECONDS).until(() -> checkpoints.load("shipping") == 4);
        }
        assertThat(waitedForTheOtherStream).as("a-1 was reacted to while b-1 ran").containsExactly("a-1");
        assertThat(shipped).hasSize(4).filteredOn(id -> id.startsWith("a")).containsExactly("a-1", "a-2", "a-3");
    }

    @Test
    void aStreamThatFailsFailsThePageWhichIsDeliveredAgainBeforeTheCheckpointMoves() {
        InMemoryEventStore store = new InMemoryEventStore();
        JacksonEventSerializer serializer = JacksonEventSerializer.of(
                EventTypeRegistry.builder().registerSealed(ShopEvent.class).build());
        AtomicInteger failuresLeft = new AtomicInteger(1);
        List<String> shipped = Collections.synchronizedList(new ArrayList<>());
        List<Long> checkpointsWhenRetried = Collections.synchronizedList(new ArrayList<>());
        InMemoryCheckpointStore checkpoints = new InMemoryCheckpointStore();
        var bus = SimpleCommandBus.builder().register(ShipOrder.class, (command, metadata) -> {
            if (command.orderId().equals("b-1") && failuresLeft.getAndDecrement() > 0) {
                throw new IllegalStateException("carrier unavailable");
            }
            if (command.orderId().equals("b-1")) {
                checkpointsWhenRetried.add(checkpoints.load("shipping"));
            }
            shipped.add(command.orderId());
            return null;
        }).build();
        store.append(StreamId.of("order-a"), ExpectedVersion.any(), List.of(paid(serializer, "a-1")));
        store.append(StreamId.of("order-b"), ExpectedVersion.any(), List.of(paid(serializer, "b-1")));
        HeadSignal signal = new HeadSignal();
        store.onCommit(signal::advance);

        try (Subscriptions subscriptions = new Subscriptions(store, signal, null, Clock.systemUTC())) {
            ProcessManagerRunner.start(new Shipping(), subscriptions, checkpoints, serializer, bus,
                    SubscriptionOptions.defaults().withPollInterval(Duration.ofMillis(20))
                            .withMaxBackoff(Duration.ofMillis(50)));

            await().atMost(20, TimeUnit.SECONDS).until(() -> checkpoints.load("shipping") == 2);
        }
        assertThat(checkpointsWhenRetried).containsExactly(0L);
        assertThat(shipped).containsOnly("a-1", "b-1").filteredOn("b-1"::equals).hasSize(1);
        assertThat(shipped).filteredOn("a-1"::equals).hasSize(2);
    }

    private static boolean awaitQuietly(CountDownLatch latch) {
        try {
            return latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static EventData paid(JacksonEventSerializer serializer, String orderId) {
        return serializer.serialize(new OrderPaid(orderId), EventMetadata.empty());
    }
}
