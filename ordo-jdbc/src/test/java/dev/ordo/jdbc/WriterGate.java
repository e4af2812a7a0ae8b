package dev.ordo.jdbc;

import dev.ordo.test.faults.FaultyDataSource;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Holds the store's writer at its next connection while closed: the writer has then taken its batch out of the queue
 * and not written it yet, and every append queued meanwhile stays queued. Thread-safe.
 */
final class WriterGate implements FaultyDataSource.Injector {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private boolean closed;
    private int held;

    @Override
    public void at(FaultyDataSource.When when, FaultyDataSource.Call call) throws SQLException {
        if (when != FaultyDataSource.When.BEFORE || call.kind() != FaultyDataSource.Call.Kind.CONNECT) {
            return;
        }
        lock.lock();
        try {
            held++;
            changed.signalAll();
            while (closed) {
                changed.awaitUninterruptibly();
            }
            held--;
        } finally {
            lock.unlock();
        }
    }

    void close() {
        lock.lock();
        try {
            closed = true;
        } finally {
            lock.unlock();
        }
    }

    void open() {
        lock.lock();
        try {
            closed = false;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Waits until the writer stands at the closed gate. */
    void awaitWriter() throws InterruptedException {
        long left = PATIENCE.toNanos();
        lock.lock();
        try {
            while (held == 0) {
                if (left <= 0) {
                    throw new IllegalStateException("the writer did not reach the gate within " + PATIENCE);
                }
                left = changed.awaitNanos(left);
            }
        } finally {
            lock.unlock();
        }
    }
}
