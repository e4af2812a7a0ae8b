package dev.ordo.core.bus.command;

import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * One fair, reentrant lock per key, created when the first thread asks for it and removed when no thread holds or
 * waits for it, so the number of locks is bounded by the number of threads using them, not by the number of keys
 * ever seen. Waiting does not pin virtual threads. Thread-safe.
 */
final class KeyedLocks {

    private final ConcurrentMap<String, Entry> entries = new ConcurrentHashMap<>();

    /**
     * A lock and the number of threads holding or waiting for it; {@code users} changes only inside the map's atomic
     * updates of its key, which also publish it safely.
     */
    private static final class Entry {
        private final ReentrantLock lock = new ReentrantLock(true);
        private int users;
    }

    /**
     * Runs the action while holding the key's lock, and always releases it, also when the action throws.
     *
     * @throws LockTimeoutException  when the lock was not free within the timeout; the action did not run
     * @throws CancellationException when the thread was interrupted while waiting (its interrupt flag is set again);
     *                               the action did not run
     */
    <T> T withLock(String key, Duration timeout, Supplier<T> action) {
        Entry entry = entries.compute(key, (k, existing) -> {
            Entry retained = existing == null ? new Entry() : existing;
            retained.users++;
            return retained;
        });
        try {
            if (!entry.lock.tryLock(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
                throw new LockTimeoutException(key, timeout);
            }
            try {
                return action.get();
            } finally {
                entry.lock.unlock();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            CancellationException cancelled = new CancellationException(
                    "interrupted while waiting for the lock of key '" + key + "'; the command was not handled");
            cancelled.initCause(e);
            throw cancelled;
        } finally {
            entries.computeIfPresent(key, (k, existing) -> --existing.users == 0 ? null : existing);
        }
    }

    /** How many keys have a lock now (held or waited for). */
    int size() {
        return entries.size();
    }
}
