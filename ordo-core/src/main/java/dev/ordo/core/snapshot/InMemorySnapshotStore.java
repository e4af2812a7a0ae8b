package dev.ordo.core.snapshot;

import dev.ordo.core.event.StreamId;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** A {@link SnapshotStore} in memory, for tests. Thread-safe. */
public final class InMemorySnapshotStore implements SnapshotStore {

    private final ConcurrentMap<StreamId, Snapshot> snapshots = new ConcurrentHashMap<>();

    @Override
    public Optional<Snapshot> load(StreamId stream) {
        return Optional.ofNullable(snapshots.get(stream));
    }

    @Override
    public void save(Snapshot snapshot) {
        snapshots.merge(snapshot.streamId(), snapshot, (stored, offered) ->
                stored.schemaVersion() == offered.schemaVersion() && stored.version() > offered.version() ? stored : offered);
    }

    @Override
    public void delete(StreamId stream) {
        snapshots.remove(stream);
    }
}
