package dev.ordo.core.command;

import dev.ordo.core.event.StreamId;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The most recently used folded states, by stream, so that loading a hot stream folds only the events appended since
 * (usually none) instead of decoding a snapshot and folding up to a snapshot interval of events. An entry is a hint,
 * never the truth: {@link StateLoader} uses it only while the stream is active, has not been truncated since, and
 * has reached the entry's version, and always reads the events after it. States must be immutable, as deciders'
 * states are, because one entry is shared by every thread that loads the stream. Bounded: the least recently used
 * stream is forgotten first. Thread-safe.
 *
 * @param <S> the state type
 */
final class StateCache<S> {

    /** A folded state and the stream's truncation point when it was folded. */
    record Fold<S>(Loaded<S> loaded, long truncatedBefore) {
    }

    private final Map<StreamId, Fold<S>> entries;

    /** @param maxStreams the most streams remembered, at least 1 */
    StateCache(int maxStreams) {
        if (maxStreams < 1) {
            throw new IllegalArgumentException("a state cache holds at least 1 stream, was " + maxStreams);
        }
        this.entries = new LinkedHashMap<>(Math.min(maxStreams, 1_024), 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<StreamId, Fold<S>> eldest) {
                return size() > maxStreams;
            }
        };
    }

    synchronized Fold<S> get(StreamId stream) {
        return entries.get(stream);
    }

    /** Remembers a fold, unless a fold of a later version is remembered already. */
    synchronized void put(Loaded<S> loaded, long truncatedBefore) {
        Fold<S> existing = entries.get(loaded.streamId());
        if (existing == null || existing.loaded().version() <= loaded.version()) {
            entries.put(loaded.streamId(), new Fold<>(loaded, truncatedBefore));
        }
    }

    /**
     * Moves a remembered fold forward to the state after an append of this process, keeping its truncation point;
     * does nothing when the stream is not remembered (its truncation point would be unknown).
     */
    synchronized void advance(Loaded<S> loaded) {
        Fold<S> existing = entries.get(loaded.streamId());
        if (existing != null && existing.loaded().version() < loaded.version()) {
            entries.put(loaded.streamId(), new Fold<>(loaded, existing.truncatedBefore()));
        }
    }

    synchronized int size() {
        return entries.size();
    }
}
