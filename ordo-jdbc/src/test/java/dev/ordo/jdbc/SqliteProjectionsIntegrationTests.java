package dev.ordo.jdbc;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** Projections on SQLite. */
class SqliteProjectionsIntegrationTests extends JdbcProjectionsContract {

    @TempDir
    Path folder;

    @Override
    OrdoDatabase openDatabase() {
        return OrdoDatabase.sqlite(folder.resolve("projections.db"));
    }
}
