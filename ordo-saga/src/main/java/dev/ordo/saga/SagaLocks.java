package dev.ordo.saga;

import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One reentrant lock per saga, created when the first thread asks for it and removed when no thread holds or waits
 * for it: sagas never wait for one another (a lock shared by several sagas would hold a saga's start back for as
 * long as another saga's steps run), and the number of locks is bounded by the threads using them. Waiting does not
 * pin virtual threads. Thread-safe.
 */
final class SagaLocks {

    /** A held lock; closing it releases it. */
    interface Held extends AutoCloseable {
        @Override
        void close();
    }

    /** A lock and the number of threads holding or waiting for it, changed only inside the map's atomic updates. */
    private static final class Entry {
        private final ReentrantLock lock = new ReentrantLock();
        private int users;
    }

    private final ConcurrentMap<UUID, Entry> entries = new ConcurrentHashMap<>();

    /** Waits (uninterruptibly) for the saga's lock and holds it until the returned handle is closed. */
    Held lock(UUID sagaId) {
        Entry entry = entries.compute(sagaId, (id, existing) -> {
            Entry retained = existing == null ? new Entry() : existing;
            retained.users++;
            return retained;
        });
        entry.lock.lock();
        return () -> {
            entry.lock.unlock();
            entries.computeIfPresent(sagaId, (id, existing) -> --existing.users == 0 ? null : existing);
        };
    }

    /** How many sagas have a lock now (held or waited for). */
    int size() {
        return entries.size();
    }
}
