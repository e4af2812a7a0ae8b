package dev.ordo.saga;

import dev.ordo.core.saga.SagaStatus;
import dev.ordo.core.store.EventStoreUnavailableException;
import dev.ordo.test.faults.SimulatedCrash;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.awaitility.Awaitility;

/**
 * Saga engines on one store and index as successive processes: when the current one "dies" (a test threw a
 * {@link SimulatedCrash} into it through {@link #crash}), it is shut down hard and a new one is built on the same store
 * and index, which resumes the unfinished sagas, as a restarted process would. Thread-safe.
 */
final class EngineRestarts implements AutoCloseable {

    private final Supplier<SagaEngine> factory;
    private final AtomicBoolean dead = new AtomicBoolean();
    private final AtomicInteger restarts = new AtomicInteger();
    private final AtomicReference<SagaEngine> current = new AtomicReference<>();

    EngineRestarts(Supplier<SagaEngine> factory) {
        this.factory = factory;
        this.current.set(factory.get());
    }

    /** The crash to throw where the current process dies; marks it dead. */
    SimulatedCrash crash(String where) {
        dead.set(true);
        return new SimulatedCrash(where);
    }

    /** The engine of the process alive now. */
    SagaEngine engine() {
        return current.get();
    }

    /** Replaces a dead engine by a new one; the live engine. */
    synchronized SagaEngine restartIfDead() {
        if (dead.get()) {
            restart();
        }
        return current.get();
    }

    /** Stops the current engine hard (whether it died or not) and starts a new one that resumes unfinished sagas. */
    synchronized void restart() {
        current.get().shutdown(Duration.ZERO);
        dead.set(false);
        SagaEngine next = factory.get();
        current.set(next);
        restarts.incrementAndGet();
        next.resumeUnfinished();
    }

    int restarts() {
        return restarts.get();
    }

    /**
     * Waits until the saga has one of the statuses, restarting the engine each time it dies meanwhile; a store that
     * is down meanwhile is waited out.
     */
    SagaState await(UUID sagaId, Duration timeout, SagaStatus... statuses) {
        List<SagaStatus> wanted = List.of(statuses);
        return Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(5))
                .ignoreExceptionsInstanceOf(EventStoreUnavailableException.class)
                .until(() -> restartIfDead().state(sagaId), state -> wanted.contains(state.status()));
    }

    @Override
    public void close() {
        current.get().shutdown(Duration.ZERO);
    }
}
