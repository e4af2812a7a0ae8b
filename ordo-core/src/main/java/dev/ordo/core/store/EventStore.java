package dev.ordo.core.store;

/**
 * An append-only log of events in named streams, with one global order ({@code $all}).
 *
 * <p>Every implementation (in-memory, SQLite, PostgreSQL) passes the same contract suite in {@code ordo-test}.
 * Closing the store stops its background work; operations after close fail with
 * {@link EventStoreUnavailableException}.
 */
public interface EventStore extends EventReader, EventWriter, StreamMaintenance, AutoCloseable {

    /** Releases the store's resources. Idempotent. */
    @Override
    void close();
}
