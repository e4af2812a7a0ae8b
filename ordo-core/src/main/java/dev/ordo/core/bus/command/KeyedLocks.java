package dev.ordo.core.bus.command;

import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One fair, reentrant lock per key, created when the first thread asks for it and removed when no thread holds or
 * waits for it, so the number of locks is bounded by the number of threads using them, not by the number of keys
 * ever seen. Waiting does not pin virtual threads. Thread-safe.
 */
final class KeyedLocks {

    private final ConcurrentMap<String, Entry> entries = new ConcurrentHashMap<>();

    /**
     * A key's fair, reentrant lock, a queue its users may share, and the number of threads holding or waiting for it;
     * {@code users} changes only inside the map's atomic updates of its key, which also publish it safely.
     */
    static final class Entry {
        private final ReentrantLock lock = new ReentrantLock(true);
        private final Queue<Object> queue = new ConcurrentLinkedQueue<>();
        private int users;

        /** The key's lock. */
        ReentrantLock lock() {
            return lock;
        }

        /** A queue that lives as long as the key has users (for work handed from one user to another). */
        Queue<Object> queue() {
            return queue;
        }
    }

    /**
     * Runs the action while holding the key's lock, and always releases it, also when the action throws.
     *
     * @throws LockTimeoutException  when the lock was not free within the timeout; the action did not run
     * @throws CancellationException when the thread was interrupted while waiting (its interrupt flag is set again);
     *                               the action did not run
     */
    <T> T withLock(String key, Duration timeout, Supplier<T> action) {
        return withEntry(key, entry -> {
            try {
                if (!entry.lock.tryLock(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
                    throw new LockTimeoutException(key, timeout);
                }
            } catch (InterruptedException e) {
                throw interrupted(key, e);
            }
            try {
                return action.get();
            } finally {
                entry.lock.unlock();
            }
        });
    }

    /**
     * Runs the action with the key's entry, which stays the same for every thread using the key until the last one
     * returns; the action decides how to lock it.
     */
    <T> T withEntry(String key, Function<Entry, T> action) {
        Entry entry = entries.compute(key, (k, existing) -> {
            Entry retained = existing == null ? new Entry() : existing;
            retained.users++;
            return retained;
        });
        try {
            return action.apply(entry);
        } finally {
            entries.computeIfPresent(key, (k, existing) -> --existing.users == 0 ? null : existing);
        }
    }

    /** The exception of a thread interrupted while waiting for a key's lock; sets its interrupt flag again. */
    static CancellationException interrupted(String key, InterruptedException cause) {
        Thread.currentThread().interrupt();
        CancellationException cancelled = new CancellationException(
                "interrupted while waiting for the lock of key '" + key + "'; the command was not handled");
        cancelled.initCause(cause);
        return cancelled;
    }

    /** How many keys have a lock now (held or waited for). */
    int size() {
        return entries.size();
    }
}
