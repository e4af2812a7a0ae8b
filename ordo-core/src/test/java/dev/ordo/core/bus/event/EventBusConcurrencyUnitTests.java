package dev.ordo.core.bus.event;

import static dev.ordo.core.bus.event.ShopEvents.recorded;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ordo.core.bus.event.ShopEvents.ItemAdded;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EventBusConcurrencyUnitTests {

    private final EventBus bus = EventBus.builder(new ShopEvents.Serializer()).build();
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    @Test
    void deliversEveryEventInOrderWhileOtherThreadsSubscribeAndUnsubscribe() throws Exception {
        int publishers = 4;
        int eventsEach = 500;
        Map<String, List<Long>> received = new ConcurrentHashMap<>();
        AtomicInteger priorityViolations = new AtomicInteger();
        ThreadLocal<Integer> lastPriority = new ThreadLocal<>();
        IntConsumer checkOrder = priority -> {
            Integer before = lastPriority.get();
            if (before != null && before < priority) {
                priorityViolations.incrementAndGet();
            }
            lastPriority.set(priority);
        };
        bus.subscribe("permanent", EventSelector.all(), 0, message -> {
            checkOrder.accept(0);
            received.computeIfAbsent(message.recorded().streamId().value(), s -> new ArrayList<>())
                    .add(message.recorded().position());
        });
        AtomicBoolean publishing = new AtomicBoolean(true);
        Future<Integer> churn = threads.submit(() -> {
            int rounds = 0;
            while (publishing.get()) {
                int priority = rounds % 3 == 0 ? 5 : -5;
                Registration registration = bus.subscribe(EventSelector.all(), priority,
                        message -> checkOrder.accept(priority));
                Thread.yield();
                registration.unsubscribe();
                rounds++;
            }
            return rounds;
        });

        List<Future<?>> senders = new ArrayList<>();
        for (int p = 0; p < publishers; p++) {
            String stream = "cart-" + p;
            senders.add(threads.submit(() -> {
                for (long position = 1; position <= eventsEach; position++) {
                    bus.publish(recorded(position, stream, new ItemAdded("sku")));
                    lastPriority.remove();
                }
            }));
        }
        for (Future<?> sender : senders) {
            sender.get(60, TimeUnit.SECONDS);
        }
        publishing.set(false);

        assertThat(churn.get(30, TimeUnit.SECONDS)).isPositive();
        assertThat(received).hasSize(publishers).allSatisfy((stream, positions) ->
                assertThat(positions).hasSize(eventsEach).isSorted());
        assertThat(priorityViolations).hasValue(0);
        assertThat(bus.failures()).isEmpty();
        assertThat(bus.publish(recorded(1, "cart-x", new ItemAdded("sku")))).isEqualTo(new PublishResult(1, 0));
    }

    @Test
    void givesAListenerSubscribedDuringADeliveryOnlyTheEventsThatFollow() {
        List<String> seen = new ArrayList<>();
        bus.subscribe("recruiter", EventSelector.all(), 10, message -> {
            if (message.recorded().position() == 1) {
                bus.subscribe("recruit", EventSelector.all(), 0, m -> seen.add("recruit@" + m.recorded().position()));
            }
        });

        bus.publish(List.of(recorded(1, "cart-1", new ItemAdded("a")), recorded(2, "cart-1", new ItemAdded("b"))));

        assertThat(seen).containsExactly("recruit@2");
    }

    @Test
    void letsAListenerUnsubscribeItselfWithoutDisturbingTheCurrentDelivery() {
        List<String> seen = new ArrayList<>();
        AtomicReference<Registration> self = new AtomicReference<>();
        self.set(bus.subscribe("once", EventSelector.all(), 10, message -> {
            seen.add("once@" + message.recorded().position());
            self.get().unsubscribe();
        }));
        bus.subscribe("always", EventSelector.all(), 0, message -> seen.add("always@" + message.recorded().position()));

        bus.publish(List.of(recorded(1, "cart-1", new ItemAdded("a")), recorded(2, "cart-1", new ItemAdded("b"))));

        assertThat(seen).containsExactly("once@1", "always@1", "always@2");
    }
}
