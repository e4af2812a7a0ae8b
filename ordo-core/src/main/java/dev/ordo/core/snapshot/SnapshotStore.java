package dev.ordo.core.snapshot;

import dev.ordo.core.event.StreamId;
import java.util.Optional;

/**
 * Keeps the latest snapshot of each stream. Thread-safe. Snapshots are an optimisation: losing one only costs a
 * longer load.
 */
public interface SnapshotStore {

    /** The latest snapshot of the stream, if any. */
    Optional<Snapshot> load(StreamId stream);

    /**
     * Stores a snapshot unless a snapshot of a higher version with the same schema version is already stored.
     * A snapshot of another schema version always replaces the stored one.
     */
    void save(Snapshot snapshot);

    /** Removes the stream's snapshot, if any. */
    void delete(StreamId stream);
}
