package dev.ordo.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import dev.ordo.test.postgres.PostgresHarness;

/** Poison events of a projection on PostgreSQL. */
class PostgresDeadLetterProjectionsIntegrationTests extends JdbcDeadLetterProjectionsContract {

    private HikariDataSource pool;

    @Override
    OrdoDatabase openDatabase() {
        pool = PostgresHarness.newDatabase().pool(4);
        return OrdoDatabase.postgres(pool);
    }

    @Override
    void release() {
        pool.close();
    }
}
