package dev.ordo.kafka;

import com.zaxxer.hikari.HikariDataSource;
import dev.ordo.core.event.EventData;
import dev.ordo.core.event.EventMetadata;
import dev.ordo.core.event.StreamId;
import dev.ordo.core.store.ExpectedVersion;
import dev.ordo.core.subscription.HeadSignal;
import dev.ordo.jdbc.JdbcEventStore;
import dev.ordo.jdbc.OrdoDatabase;
import dev.ordo.test.postgres.PostgresDatabase;
import dev.ordo.test.postgres.PostgresHarness;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;

/** A real event store for relay tests (SQLite or PostgreSQL), with a head signal fed by its commits. */
final class RelayStore implements AutoCloseable {

    final JdbcEventStore store;
    final HeadSignal signal = new HeadSignal();
    final PostgresDatabase postgres;
    private final OrdoDatabase database;
    private final HikariDataSource pool;

    private RelayStore(OrdoDatabase database, HikariDataSource pool, PostgresDatabase postgres) {
        this.database = database;
        this.pool = pool;
        this.postgres = postgres;
        this.store = JdbcEventStore.create(database);
        store.onCommit(signal::advance);
    }

    static RelayStore sqlite(Path folder) {
        return new RelayStore(OrdoDatabase.sqlite(folder.resolve("events.db")), null, null);
    }

    static RelayStore postgres() {
        PostgresDatabase postgres = PostgresHarness.newDatabase();
        HikariDataSource pool = postgres.pool(16);
        return new RelayStore(OrdoDatabase.postgres(pool), pool, postgres);
    }

    /** Connections for leases: each lease holds one of its own, outside the store's pool. */
    DataSource leaseConnections() {
        return postgres.dataSource();
    }

    /**
     * Appends {@code rounds} appends of {@code eventsPerAppend} events to each of {@code streams} streams of the
     * category, the streams' appends running concurrently (so that group commit batches them).
     */
    void append(String category, int streams, int rounds, int eventsPerAppend) {
        try (ExecutorService workers = Executors.newFixedThreadPool(16)) {
            for (int round = 0; round < rounds; round++) {
                List<Future<?>> appends = new ArrayList<>();
                for (int s = 0; s < streams; s++) {
                    StreamId stream = StreamId.of(category, s);
                    int r = round;
                    appends.add(workers.submit(() -> store.append(stream, ExpectedVersion.any(),
                            events(stream, r, eventsPerAppend))));
                }
                for (Future<?> append : appends) {
                    append.get();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    private static List<EventData> events(StreamId stream, int round, int count) {
        List<EventData> events = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            events.add(EventData.of("test.happened.v1", 1,
                    "{\"stream\":\"" + stream + "\",\"round\":" + round + ",\"i\":" + i + "}",
                    EventMetadata.empty().withCorrelationId("c-" + stream).withActor("tester")));
        }
        return events;
    }

    @Override
    public void close() {
        store.close();
        database.close();
        if (pool != null) {
            pool.close();
        }
    }
}
