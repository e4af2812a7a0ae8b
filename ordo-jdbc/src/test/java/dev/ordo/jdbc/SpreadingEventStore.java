package dev.ordo.jdbc;

import dev.ordo.core.event.EventData;
import dev.ordo.core.event.RecordedEvent;
import dev.ordo.core.event.StreamId;
import dev.ordo.core.store.AppendResult;
import dev.ordo.core.store.EventFilter;
import dev.ordo.core.store.EventStore;
import dev.ordo.core.store.ExpectedVersion;
import dev.ordo.core.store.ReadDirection;
import dev.ordo.core.store.StreamInfo;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Spreads appends at random over several store instances on the same database, as several application processes
 * would, each with its own writer; reads go to the first. Used to prove the ordering guarantees hold across
 * writers, not only inside one.
 */
final class SpreadingEventStore implements EventStore {

    private final List<? extends EventStore> stores;

    SpreadingEventStore(List<? extends EventStore> stores) {
        this.stores = List.copyOf(stores);
    }

    private EventStore anyStore() {
        return stores.get(ThreadLocalRandom.current().nextInt(stores.size()));
    }

    @Override
    public AppendResult append(StreamId stream, ExpectedVersion expected, List<EventData> events) {
        return anyStore().append(stream, expected, events);
    }

    @Override
    public List<RecordedEvent> readStream(StreamId stream, ReadDirection direction, long fromVersion, int limit) {
        return stores.getFirst().readStream(stream, direction, fromVersion, limit);
    }

    @Override
    public List<RecordedEvent> readAll(long fromPosition, int limit, EventFilter filter) {
        return stores.getFirst().readAll(fromPosition, limit, filter);
    }

    @Override
    public Optional<StreamInfo> streamInfo(StreamId stream) {
        return stores.getFirst().streamInfo(stream);
    }

    @Override
    public long headPosition() {
        return stores.getFirst().headPosition();
    }

    @Override
    public void softDelete(StreamId stream, ExpectedVersion expected) {
        anyStore().softDelete(stream, expected);
    }

    @Override
    public void tombstone(StreamId stream, ExpectedVersion expected) {
        anyStore().tombstone(stream, expected);
    }

    @Override
    public void truncateBefore(StreamId stream, long beforeVersion) {
        anyStore().truncateBefore(stream, beforeVersion);
    }

    @Override
    public void close() {
        stores.forEach(EventStore::close);
    }
}
