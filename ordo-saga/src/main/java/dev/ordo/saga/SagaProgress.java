package dev.ordo.saga;

import dev.ordo.core.saga.SagaStatus;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * Lets callers wait until a saga reaches a status: every drive signals when it ends, and waiters read the saga again
 * then (and at least every 200 ms, for changes made by another process). Thread-safe.
 */
final class SagaProgress {

    private static final long LONGEST_WAIT_NANOS = TimeUnit.MILLISECONDS.toNanos(200);

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition progressed = lock.newCondition();
    private final Function<UUID, SagaState> states;

    SagaProgress(Function<UUID, SagaState> states) {
        this.states = states;
    }

    /** A drive ended: waiters look again. */
    void signal() {
        lock.lock();
        try {
            progressed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** The state once the saga is in one of the statuses, or the last state seen at the timeout. */
    SagaState await(UUID sagaId, Duration timeout, List<SagaStatus> wanted) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            SagaState state = states.apply(sagaId);
            long left = deadline - System.nanoTime();
            if (wanted.contains(state.status()) || left <= 0) {
                return state;
            }
            lock.lock();
            try {
                progressed.await(Math.min(left, LONGEST_WAIT_NANOS), TimeUnit.NANOSECONDS);
            } finally {
                lock.unlock();
            }
        }
    }
}
