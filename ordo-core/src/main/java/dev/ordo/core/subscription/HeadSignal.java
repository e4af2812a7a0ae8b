package dev.ordo.core.subscription;

import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The latest known head position of the log, and a way to wait until it moves. Fed by commit notifications
 * (in-process) or database notifications (PostgreSQL {@code LISTEN}); waiters also wake on a timeout, which is
 * the polling fallback. Thread-safe; waiting does not pin virtual threads.
 */
public final class HeadSignal {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition moved = lock.newCondition();
    private long head;
    private long wakeUps;

    /** Records a new head position; lower values than the known head are ignored. */
    public void advance(long position) {
        lock.lock();
        try {
            if (position > head) {
                head = position;
                moved.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    /** The highest position seen so far. */
    public long head() {
        lock.lock();
        try {
            return head;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits until the head is beyond {@code position}, the timeout passes, or {@link #wakeAll()} is called.
     *
     * @return the head when the wait ended
     */
    public long awaitBeyond(long position, Duration timeout) throws InterruptedException {
        long nanos = timeout.toNanos();
        lock.lock();
        try {
            long generation = wakeUps;
            while (head <= position && nanos > 0 && generation == wakeUps) {
                nanos = moved.awaitNanos(nanos);
            }
            return head;
        } finally {
            lock.unlock();
        }
    }

    /** Wakes every waiter now (used when stopping). */
    public void wakeAll() {
        lock.lock();
        try {
            wakeUps++;
            moved.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
