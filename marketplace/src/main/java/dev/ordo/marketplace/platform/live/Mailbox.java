package dev.ordo.marketplace.platform.live;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The messages waiting to be written to one connection: bounded, never blocking the one who offers, and closable so
 * that the one who waits wakes up. Thread-safe; waiting does not pin virtual threads.
 *
 * @param <T> the messages
 */
final class Mailbox<T> {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final ArrayDeque<T> items = new ArrayDeque<>();
    private final int capacity;
    private boolean closed;

    /** @throws IllegalArgumentException when the capacity is below 1 */
    Mailbox(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("a mailbox holds at least 1 message, not " + capacity);
        }
        this.capacity = capacity;
    }

    /** Adds a message at once: false, and nothing added, when the mailbox is full or closed. */
    boolean offer(T item) {
        lock.lock();
        try {
            if (closed || items.size() == capacity) {
                return false;
            }
            items.addLast(item);
            changed.signal();
            return true;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Takes the oldest message, waiting up to {@code wait} for one.
     *
     * @return the message, or {@code null} when none came in time or the mailbox is closed (see {@link #isClosed()})
     */
    T poll(Duration wait) throws InterruptedException {
        long nanos = wait.toNanos();
        lock.lock();
        try {
            while (items.isEmpty() && !closed && nanos > 0) {
                nanos = changed.awaitNanos(nanos);
            }
            return closed ? null : items.pollFirst();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Closes the mailbox: its messages are dropped, later offers refused, and a waiting {@link #poll} returns.
     *
     * @return true for the call that closed it, false when it was closed already
     */
    boolean close() {
        lock.lock();
        try {
            if (closed) {
                return false;
            }
            closed = true;
            items.clear();
            changed.signalAll();
            return true;
        } finally {
            lock.unlock();
        }
    }

    boolean isClosed() {
        lock.lock();
        try {
            return closed;
        } finally {
            lock.unlock();
        }
    }
}
