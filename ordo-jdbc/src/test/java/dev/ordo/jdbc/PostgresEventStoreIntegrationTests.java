package dev.ordo.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import dev.ordo.core.snapshot.SnapshotStore;
import dev.ordo.core.store.EventStore;
import dev.ordo.test.contract.EventStoreContract;
import dev.ordo.test.postgres.PostgresHarness;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The PostgreSQL store passes the whole event store contract against a real server started by the harness. */
class PostgresEventStoreIntegrationTests extends EventStoreContract {

    private static HikariDataSource pool;
    private static OrdoDatabase database;

    @BeforeAll
    static void startDatabase() {
        pool = PostgresHarness.newDatabase().pool(20);
        database = OrdoDatabase.postgres(pool);
    }

    @AfterAll
    static void stopDatabase() {
        database.close();
        pool.close();
    }

    @Override
    protected EventStore createStore() {
        return JdbcEventStore.create(database);
    }

    @Override
    protected SnapshotStore createSnapshotStore(EventStore store) {
        return JdbcSnapshotStore.create(database);
    }
}
