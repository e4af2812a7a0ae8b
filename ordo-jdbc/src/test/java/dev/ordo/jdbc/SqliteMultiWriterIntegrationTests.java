package dev.ordo.jdbc;

import dev.ordo.core.snapshot.SnapshotStore;
import dev.ordo.core.store.EventStore;
import dev.ordo.test.contract.ConcurrencyContract;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * The concurrency contract with appends spread over three independently opened handles of one SQLite file, each
 * with its own writer connection, as separate processes sharing the file would: the file's write lock, not the
 * in-process writer, keeps the order.
 */
class SqliteMultiWriterIntegrationTests implements ConcurrencyContract {

    @TempDir
    Path folder;

    private final List<OrdoDatabase> databases = new ArrayList<>();
    private SpreadingEventStore store;

    @BeforeEach
    void openStores() {
        for (int i = 0; i < 3; i++) {
            databases.add(OrdoDatabase.sqlite(folder.resolve("shared.db")));
        }
        store = new SpreadingEventStore(databases.stream().map(JdbcEventStore::create).toList());
    }

    @AfterEach
    void closeStores() {
        store.close();
        databases.forEach(OrdoDatabase::close);
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
