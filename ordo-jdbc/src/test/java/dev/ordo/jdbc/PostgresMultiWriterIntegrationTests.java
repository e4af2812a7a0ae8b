package dev.ordo.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import dev.ordo.core.snapshot.SnapshotStore;
import dev.ordo.core.store.EventStore;
import dev.ordo.test.contract.ConcurrencyContract;
import dev.ordo.test.postgres.PostgresDatabase;
import dev.ordo.test.postgres.PostgresHarness;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * The concurrency contract with appends spread over four store instances, each with its own pool and writer, on
 * one PostgreSQL database: what several application instances do. Positions must stay gap-free and visible in
 * order, and each version must have one winner, although the writers race on the database and not in memory.
 */
class PostgresMultiWriterIntegrationTests implements ConcurrencyContract {

    private static final int INSTANCES = 4;
    private static final List<HikariDataSource> pools = new ArrayList<>();
    private static final List<OrdoDatabase> databases = new ArrayList<>();
    private SpreadingEventStore store;

    @BeforeAll
    static void startDatabase() {
        PostgresDatabase db = PostgresHarness.newDatabase();
        for (int i = 0; i < INSTANCES; i++) {
            HikariDataSource pool = db.pool(4);
            pools.add(pool);
            databases.add(OrdoDatabase.postgres(pool));
        }
    }

    @AfterAll
    static void stopDatabase() {
        pools.forEach(HikariDataSource::close);
    }

    @BeforeEach
    void openStores() {
        store = new SpreadingEventStore(databases.stream().map(JdbcEventStore::create).toList());
    }

    @AfterEach
    void closeStores() {
        store.close();
    }

    @Override
    public EventStore store() {
        return store;
    }

    @Override
    public SnapshotStore snapshotStore() {
        return JdbcSnapshotStore.create(databases.getFirst());
    }
}
