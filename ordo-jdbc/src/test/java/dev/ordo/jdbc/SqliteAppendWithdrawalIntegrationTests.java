package dev.ordo.jdbc;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** Withdrawal of appends whose callers gave up, on SQLite. */
class SqliteAppendWithdrawalIntegrationTests extends AppendWithdrawalContract {

    @TempDir
    Path folder;

    private OrdoDatabase database;

    @Override
    protected OrdoDatabase database() {
        if (database == null) {
            database = OrdoDatabase.sqlite(folder.resolve("events.db"));
        }
        return database;
    }

    @Override
    protected void closeDatabase() {
        database.close();
    }
}
