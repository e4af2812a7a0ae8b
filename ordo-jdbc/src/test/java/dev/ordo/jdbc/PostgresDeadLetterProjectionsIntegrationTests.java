package dev.ordo.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.ordo.test.postgres.PostgresHarness;

/** Poison events of a projection on PostgreSQL. */
class PostgresDeadLetterProjectionsIntegrationTests extends JdbcDeadLetterProjectionsContract {

    private HikariDataSource pool;

    @Override
    OrdoDatabase openDatabase() {
        HikariConfig config = new HikariConfig();
        config.setDataSource(PostgresHarness.newDatabase().dataSource());
        config.setMaximumPoolSize(4);
        pool = new HikariDataSource(config);
        return OrdoDatabase.postgres(pool);
    }

    @Override
    void release() {
        pool.close();
    }
}
