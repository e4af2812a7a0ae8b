package dev.ordo.marketplace.platform.idempotency;

import dev.ordo.jdbc.OrdoDatabase;
import dev.ordo.test.postgres.PostgresHarness;

class PostgresIdempotencyIntegrationTests extends IdempotencyContract {

    @Override
    protected OrdoDatabase openDatabase() {
        return OrdoDatabase.postgres(PostgresHarness.newDatabase().pool(8));
    }
}
