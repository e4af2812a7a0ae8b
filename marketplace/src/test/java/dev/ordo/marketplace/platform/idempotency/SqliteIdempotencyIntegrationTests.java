package dev.ordo.marketplace.platform.idempotency;

import dev.ordo.jdbc.OrdoDatabase;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class SqliteIdempotencyIntegrationTests extends IdempotencyContract {

    @TempDir
    Path folder;

    @Override
    protected OrdoDatabase openDatabase() {
        return OrdoDatabase.sqlite(folder.resolve("ordo.db"));
    }
}
