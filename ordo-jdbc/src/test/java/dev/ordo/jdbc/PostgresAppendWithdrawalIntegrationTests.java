package dev.ordo.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import dev.ordo.test.postgres.PostgresHarness;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Withdrawal of appends whose callers gave up, on PostgreSQL. */
class PostgresAppendWithdrawalIntegrationTests extends AppendWithdrawalContract {

    private static HikariDataSource pool;
    private static OrdoDatabase database;

    @BeforeAll
    static void startDatabase() {
        pool = PostgresHarness.newDatabase().pool(8);
        database = OrdoDatabase.postgres(pool);
    }

    @AfterAll
    static void stopDatabase() {
        database.close();
        pool.close();
    }

    @Override
    protected OrdoDatabase database() {
        return database;
    }
}
