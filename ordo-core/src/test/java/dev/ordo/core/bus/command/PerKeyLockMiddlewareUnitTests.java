package dev.ordo.core.bus.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ordo.core.event.EventMetadata;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PerKeyLockMiddlewareUnitTests {

    /** A command on a stream; what its handler does is up to each test. */
    record Change(String stream, int number) {
    }

    record Unkeyed(int number) {
    }

    private static final Function<Object, Optional<String>> STREAM_OF = command -> command instanceof Change change
            ? Optional.of(change.stream()) : Optional.empty();
    private static final EventMetadata METADATA = EventMetadata.empty();

    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    @Test
    void neverRunsTwoCommandsWithTheSameKeyAtTheSameTime() throws Exception {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger mostInFlight = new AtomicInteger();
        AtomicInteger handled = new AtomicInteger();
        PerKeyLockMiddleware locks = new PerKeyLockMiddleware(STREAM_OF, Duration.ofSeconds(60));
        CommandBus bus = bus(locks, command -> {
            mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            Thread.yield();
            inFlight.decrementAndGet();
            handled.incrementAndGet();
        });

        List<Future<?>> senders = new ArrayList<>();
        for (int thread = 0; thread < 32; thread++) {
            senders.add(threads.submit(() -> {
                for (int i = 0; i < 50; i++) {
                    bus.dispatch(new Change("order-1", i), METADATA);
                }
            }));
        }
        for (Future<?> sender : senders) {
            sender.get(60, TimeUnit.SECONDS);
        }

        assertThat(handled).hasValue(32 * 50);
        assertThat(mostInFlight).hasValue(1);
        assertThat(locks.lockedKeys()).isZero();
    }

    @Test
    void runsCommandsWithDifferentKeysAtTheSameTime() throws Exception {
        CyclicBarrier bothInside = new CyclicBarrier(2);
        PerKeyLockMiddleware locks = new PerKeyLockMiddleware(STREAM_OF, Duration.ofSeconds(30));
        CommandBus bus = bus(locks, command -> meet(bothInside));

        Future<?> first = threads.submit(() -> bus.dispatch(new Change("order-1", 1), METADATA));
        Future<?> second = threads.submit(() -> bus.dispatch(new Change("order-2", 1), METADATA));

        first.get(30, TimeUnit.SECONDS);
        second.get(30, TimeUnit.SECONDS);
        assertThat(locks.lockedKeys()).isZero();
    }

    @Test
    void letsCommandsWithoutAKeyPassUnlocked() throws Exception {
        CyclicBarrier bothInside = new CyclicBarrier(2);
        PerKeyLockMiddleware locks = new PerKeyLockMiddleware(STREAM_OF, Duration.ofSeconds(30));
        CommandBus bus = bus(locks, command -> meet(bothInside));

        Future<?> first = threads.submit(() -> bus.dispatch(new Unkeyed(1), METADATA));
        Future<?> second = threads.submit(() -> bus.dispatch(new Unkeyed(2), METADATA));

        first.get(30, TimeUnit.SECONDS);
        second.get(30, TimeUnit.SECONDS);
        assertThat(locks.lockedKeys()).isZero();
    }

    @Test
    void givesUpAfterTheTimeoutWithoutRunningTheHandler() throws Exception {
        CountDownLatch holderInside = new CountDownLatch(1);
        CountDownLatch releaseHolder = new CountDownLatch(1);
        List<Integer> handled = Collections.synchronizedList(new ArrayList<>());
        PerKeyLockMiddleware locks = new PerKeyLockMiddleware(STREAM_OF, Duration.ofMillis(100));
        CommandBus bus = bus(locks, command -> {
            Change change = (Change) command;
            handled.add(change.number());
            if (change.number() == 1) {
                holderInside.countDown();
                awaitLatch(releaseHolder);
            }
        });
        Future<?> holder = threads.submit(() -> bus.dispatch(new Change("order-1", 1), METADATA));
        assertThat(holderInside.await(30, TimeUnit.SECONDS)).isTrue();

        assertThatThrownBy(() -> bus.dispatch(new Change("order-1", 2), METADATA))
                .isInstanceOfSatisfying(LockTimeoutException.class, e -> {
                    assertThat(e.key()).isEqualTo("order-1");
                    assertThat(e.timeout()).isEqualTo(Duration.ofMillis(100));
                })
                .hasMessageContaining("'order-1'").hasMessageContaining("100 ms");

        assertThat(handled).containsExactly(1);
        releaseHolder.countDown();
        holder.get(30, TimeUnit.SECONDS);
        assertThat(locks.lockedKeys()).isZero();
    }

    @Test
    void releasesTheLockWhenTheHandlerThrows() throws Exception {
        PerKeyLockMiddleware locks = new PerKeyLockMiddleware(STREAM_OF, Duration.ZERO);
        CommandBus bus = bus(locks, command -> {
            if (((Change) command).number() == 1) {
                throw new IllegalStateException("order is closed");
            }
        });

        assertThatThrownBy(() -> bus.dispatch(new Change("order-1", 1), METADATA))
                .isInstanceOf(IllegalStateException.class).hasMessage("order is closed");
        assertThat(locks.lockedKeys()).isZero();

        // another thread, so a leaked lock could not be re-entered
        threads.submit(() -> bus.dispatch(new Change("order-1", 2), METADATA)).get(30, TimeUnit.SECONDS);
    }

    @Test
    void letsACommandDispatchAnotherWithTheSameKeyFromItsHandler() {
        PerKeyLockMiddleware locks = new PerKeyLockMiddleware(STREAM_OF, Duration.ofSeconds(1));
        AtomicInteger handled = new AtomicInteger();
        AtomicReference<CommandBus> bus = new AtomicReference<>();
        bus.set(bus(locks, command -> {
            if (handled.incrementAndGet() == 1) {
                bus.get().dispatch(new Change("order-1", 2), METADATA);
            }
        }));

        bus.get().dispatch(new Change("order-1", 1), METADATA);

        assertThat(handled).hasValue(2);
        assertThat(locks.lockedKeys()).isZero();
    }

    @Test
    void refusesToWaitWhenTheThreadIsInterruptedAndKeepsItInterrupted() {
        AtomicInteger handled = new AtomicInteger();
        PerKeyLockMiddleware locks = new PerKeyLockMiddleware(STREAM_OF, Duration.ofSeconds(1));
        CommandBus bus = bus(locks, command -> handled.incrementAndGet());

        Thread.currentThread().interrupt();
        assertThatThrownBy(() -> bus.dispatch(new Change("order-1", 1), METADATA))
                .isInstanceOf(CancellationException.class).hasMessageContaining("'order-1'");

        assertThat(Thread.interrupted()).isTrue();
        assertThat(handled).hasValue(0);
        assertThat(locks.lockedKeys()).isZero();
    }

    @Test
    void rejectsANegativeTimeout() {
        assertThatThrownBy(() -> new PerKeyLockMiddleware(STREAM_OF, Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** What a test handler does with a command. */
    private interface Action {
        void run(Object command);
    }

    private static CommandBus bus(PerKeyLockMiddleware locks, Action action) {
        CommandRoute<Object, Object> route = (command, metadata) -> {
            action.run(command);
            return null;
        };
        return SimpleCommandBus.builder()
                .register(Change.class, route)
                .register(Unkeyed.class, route)
                .middleware(locks)
                .build();
    }

    private static void meet(CyclicBarrier barrier) {
        try {
            barrier.await(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the other command never ran at the same time", e);
        }
    }

    private static void awaitLatch(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("never released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
