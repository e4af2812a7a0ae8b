package dev.ordo.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import dev.ordo.core.subscription.CheckpointStore;
import dev.ordo.test.contract.CheckpointStoreContract;
import dev.ordo.test.postgres.PostgresHarness;
import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.TestInstance;

/** The JDBC checkpoint store passes the checkpoint contract on SQLite and on PostgreSQL. */
class JdbcCheckpointStoreIntegrationTests {

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class OnSqlite implements CheckpointStoreContract {

        private OrdoDatabase database;

        @BeforeAll
        void open() throws IOException {
            database = OrdoDatabase.sqlite(Files.createTempDirectory("ordo-checkpoints").resolve("checkpoints.db"));
        }

        @AfterAll
        void close() {
            database.close();
        }

        @Override
        public CheckpointStore checkpoints() {
            return JdbcCheckpointStore.create(database);
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class OnPostgres implements CheckpointStoreContract {

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
        public CheckpointStore checkpoints() {
            return JdbcCheckpointStore.create(database);
        }
    }
}
