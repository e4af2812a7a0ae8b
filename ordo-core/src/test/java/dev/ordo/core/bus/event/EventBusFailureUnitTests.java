package dev.ordo.core.bus.event;

import static dev.ordo.core.bus.event.ShopEvents.recorded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ordo.core.bus.event.ShopEvents.ItemAdded;
import dev.ordo.core.event.RecordedEvent;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class EventBusFailureUnitTests {

    private static final Instant NOW = Instant.parse("2025-03-01T12:00:00Z");

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final EventBus bus = EventBus.builder(new ShopEvents.Serializer())
            .meterRegistry(registry)
            .clock(Clock.fixed(NOW, ZoneOffset.UTC))
            .build();
    private final List<String> seen = new ArrayList<>();

    /** A listener with a readable class name, for derived names. */
    static final class AuditTrail implements EventListener {
        @Override
        public void on(EventMessage message) {
        }
    }

    @Test
    void keepsDeliveringToTheOtherListenersWhenOneFails() {
        IllegalStateException failure = new IllegalStateException("projection table missing");
        bus.subscribe("before", EventSelector.all(), 10, message -> seen.add("before"));
        bus.subscribe("broken", EventSelector.all(), 5, message -> {
            throw failure;
        });
        bus.subscribe("after", EventSelector.all(), 0, message -> seen.add("after"));
        RecordedEvent added = recorded(1, "cart-1", new ItemAdded("sku-1"));

        PublishResult result = bus.publish(added);

        assertThat(seen).containsExactly("before", "after");
        assertThat(result).isEqualTo(new PublishResult(2, 1));
        assertThat(bus.failures()).containsExactly(new ListenerFailure("broken", added, failure, NOW));
    }

    @Test
    void countsFailuresPerListenerInMicrometer() {
        bus.subscribe("broken", EventSelector.all(), 0, message -> {
            throw new IllegalStateException("boom");
        });
        bus.subscribe("fine", EventSelector.all(), 0, message -> seen.add("fine"));

        bus.publish(List.of(recorded(1, "cart-1", new ItemAdded("a")), recorded(2, "cart-1", new ItemAdded("b"))));

        assertThat(registry.get("ordo.eventbus.failures").tag("listener", "broken").counter().count()).isEqualTo(2);
        assertThat(registry.find("ordo.eventbus.failures").tag("listener", "fine").counter()).isNull();
    }

    @Test
    void recordsAFailingSelectorAsAFailureOfItsListener() {
        bus.subscribe("picky", message -> {
            throw new IllegalArgumentException("cannot decide");
        }, 0, message -> seen.add("picky"));

        PublishResult result = bus.publish(recorded(1, "cart-1", new ItemAdded("a")));

        assertThat(result).isEqualTo(new PublishResult(0, 1));
        assertThat(bus.failures()).extracting(ListenerFailure::listener).containsExactly("picky");
    }

    @Test
    void keepsOnlyTheMostRecentThousandFailures() {
        bus.subscribe("broken", EventSelector.all(), 0, message -> {
            throw new IllegalStateException("boom at " + message.recorded().position());
        });

        bus.publish(LongStream.rangeClosed(1, 1_005).mapToObj(p -> recorded(p, "cart-1", new ItemAdded("s"))).toList());

        List<ListenerFailure> failures = bus.failures();
        assertThat(failures).hasSize(1_000);
        assertThat(failures.getFirst().event().position()).isEqualTo(6);
        assertThat(failures.getLast().event().position()).isEqualTo(1_005);
    }

    @Test
    void keepsAsManyFailuresAsConfigured() {
        EventBus small = EventBus.builder(new ShopEvents.Serializer()).failureCapacity(2).build();
        small.subscribe("broken", EventSelector.all(), 0, message -> {
            throw new IllegalStateException("boom");
        });

        small.publish(LongStream.rangeClosed(1, 5).mapToObj(p -> recorded(p, "cart-1", new ItemAdded("s"))).toList());

        assertThat(small.failures()).extracting(f -> f.event().position()).containsExactly(4L, 5L);
        assertThatThrownBy(() -> EventBus.builder(new ShopEvents.Serializer()).failureCapacity(0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void keepsTheThreadInterruptedWhenAListenerWasInterrupted() {
        bus.subscribe("waiting", EventSelector.all(), 0, message -> {
            throw new InterruptedException("shutting down");
        });

        PublishResult result = bus.publish(recorded(1, "cart-1", new ItemAdded("a")));

        assertThat(Thread.interrupted()).isTrue();
        assertThat(result.failed()).isEqualTo(1);
    }

    @Test
    void derivesUniqueListenerNamesFromTheClassOrTheSelector() {
        Registration lambda = bus.subscribe(EventSelector.type(ItemAdded.class), 0, message -> { });
        Registration named = bus.subscribe(EventSelector.all(), 0, new AuditTrail());
        Registration another = bus.subscribe(EventSelector.all(), 0, new AuditTrail());
        Registration category = bus.subscribe(EventSelector.category("cart"), 0, message -> { });

        assertThat(lambda.listener()).isEqualTo("type(ItemAdded)#1");
        assertThat(named.listener()).isEqualTo("AuditTrail#2");
        assertThat(another.listener()).isEqualTo("AuditTrail#3");
        assertThat(category.listener()).isEqualTo("category(cart)#4");
    }

    @Test
    void refusesASecondListenerWithTheSameNameUntilTheFirstIsGone() {
        Registration first = bus.subscribe("orders", EventSelector.all(), 0, message -> { });

        assertThatThrownBy(() -> bus.subscribe("orders", EventSelector.all(), 0, message -> { }))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'orders'");
        first.close();
        assertThat(bus.subscribe("orders", EventSelector.all(), 0, message -> { }).listener()).isEqualTo("orders");
    }
}
