package dev.ordo.core.bus.event;

import dev.ordo.core.event.RecordedEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The most recent listener failures, oldest dropped first, and their count per listener in the Micrometer counter
 * {@value #COUNTER} when a registry is given. Thread-safe.
 */
final class FailureLog {

    static final String COUNTER = "ordo.eventbus.failures";

    private final int capacity;
    private final MeterRegistry registry;
    private final Clock clock;
    private final ReentrantLock lock = new ReentrantLock();
    private final Deque<ListenerFailure> failures = new ArrayDeque<>();

    /**
     * @param registry where to count failures, or {@code null}
     */
    FailureLog(int capacity, MeterRegistry registry, Clock clock) {
        this.capacity = capacity;
        this.registry = registry;
        this.clock = clock;
    }

    void record(String listener, RecordedEvent event, Throwable error) {
        ListenerFailure failure = new ListenerFailure(listener, event, error, clock.instant());
        lock.lock();
        try {
            if (failures.size() == capacity) {
                failures.removeFirst();
            }
            failures.addLast(failure);
        } finally {
            lock.unlock();
        }
        if (registry != null) {
            Counter.builder(COUNTER)
                    .description("listener calls of the in-process event bus that threw")
                    .tag("listener", listener)
                    .register(registry)
                    .increment();
        }
    }

    /** The kept failures, oldest first. */
    List<ListenerFailure> snapshot() {
        lock.lock();
        try {
            return List.copyOf(failures);
        } finally {
            lock.unlock();
        }
    }
}
