package dev.ordo.jdbc;

import dev.ordo.core.snapshot.SnapshotStore;
import dev.ordo.core.store.EventStore;
import dev.ordo.test.contract.EventStoreContract;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** The SQLite store passes the whole event store contract, each test on a new database file. */
class SqliteEventStoreIntegrationTests extends EventStoreContract {

    @TempDir
    Path folder;

    private OrdoDatabase database;

    @Override
    protected EventStore createStore() {
        database = OrdoDatabase.sqlite(folder.resolve("events.db"));
        return JdbcEventStore.create(database);
    }

    @Override
    protected SnapshotStore createSnapshotStore(EventStore store) {
        return JdbcSnapshotStore.create(database);
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }
}
