package dev.ordo.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import dev.ordo.core.deadletter.DeadLetterStore;
import dev.ordo.test.contract.DeadLetterStoreContract;
import dev.ordo.test.postgres.PostgresHarness;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.TestInstance;

/** The JDBC dead-letter store passes the dead-letter contract on SQLite and on PostgreSQL. */
class JdbcDeadLetterStoreIntegrationTests {

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class OnSqlite implements DeadLetterStoreContract {

        private OrdoDatabase database;

        @BeforeAll
        void open() throws IOException {
            database = OrdoDatabase.sqlite(Files.createTempDirectory("ordo-dead-letters").resolve("dead-letters.db"));
        }

        @AfterAll
        void close() {
            database.close();
        }

        @Override
        public DeadLetterStore deadLetters(Clock clock) {
            return JdbcDeadLetterStore.create(database, clock);
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class OnPostgres implements DeadLetterStoreContract {

        private HikariDataSource pool;
        private OrdoDatabase database;

        @BeforeAll
        void open() {
            pool = PostgresHarness.newDatabase().pool(4);
            database = OrdoDatabase.postgres(pool);
        }

        @AfterAll
        void close() {
            pool.close();
        }

        @Override
        public DeadLetterStore deadLetters(Clock clock) {
            return JdbcDeadLetterStore.create(database, clock);
        }
    }
}
