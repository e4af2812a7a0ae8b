package dev.ordo.saga;

import dev.ordo.core.event.EventSerializer;
import dev.ordo.core.store.EventStore;
import dev.ordo.core.store.StreamInfo;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The journals of the sagas this engine drove lately, kept between drives so that a drive folds the saga's stream
 * only when it changed since: a kept journal is used only while the stream's version in the store is the one it
 * last saw (one read of the stream's row instead of reading and folding all of its events); otherwise the stream is
 * folded again. That check also covers appends by another process, by a cancellation, and appends whose outcome was
 * unknown. Use a journal only under the saga's lock, as the engine's writes and drives do. Thread-safe.
 */
final class SagaJournals {

    private final EventStore store;
    private final EventSerializer serializer;
    private final Map<UUID, SagaJournal> kept;

    /** @param capacity how many journals to keep at most; the least recently used one goes first */
    SagaJournals(EventStore store, EventSerializer serializer, int capacity) {
        this.store = store;
        this.serializer = serializer;
        this.kept = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<UUID, SagaJournal> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The saga's journal as its stream is now: the kept one if the stream did not move, else folded again. */
    SagaJournal open(UUID sagaId) {
        SagaJournal journal;
        synchronized (kept) {
            journal = kept.get(sagaId);
        }
        if (journal != null) {
            Optional<StreamInfo> now = store.streamInfo(SagaJournal.stream(sagaId));
            if (now.isPresent() && now.get().version() == journal.state().version()) {
                return journal;
            }
        }
        journal = SagaJournal.open(store, serializer, sagaId);
        if (journal.state().exists() && !journal.state().status().isFinished()) {
            synchronized (kept) {
                kept.put(sagaId, journal);
            }
        }
        return journal;
    }

    /** Stops keeping the saga's journal (it finished, or is no longer driven here). */
    void forget(UUID sagaId) {
        synchronized (kept) {
            kept.remove(sagaId);
        }
    }

    /** How many journals are kept now. */
    int size() {
        synchronized (kept) {
            return kept.size();
        }
    }
}
