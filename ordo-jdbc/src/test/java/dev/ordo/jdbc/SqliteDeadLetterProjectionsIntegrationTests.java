package dev.ordo.jdbc;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** Poison events of a projection on SQLite. */
class SqliteDeadLetterProjectionsIntegrationTests extends JdbcDeadLetterProjectionsContract {

    @TempDir
    Path folder;

    @Override
    OrdoDatabase openDatabase() {
        return OrdoDatabase.sqlite(folder.resolve("dead-letters.db"));
    }
}
