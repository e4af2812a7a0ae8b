package dev.ordo.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import dev.ordo.core.saga.SagaIndex;
import dev.ordo.test.contract.SagaIndexContract;
import dev.ordo.test.postgres.PostgresHarness;
import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.TestInstance;

/** The JDBC saga index passes the saga index contract on SQLite and on PostgreSQL. */
class JdbcSagaIndexIntegrationTests {

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class OnSqlite implements SagaIndexContract {

        private OrdoDatabase database;
        private SagaIndex index;

        @BeforeAll
        void open() throws IOException {
            database = OrdoDatabase.sqlite(Files.createTempDirectory("ordo-sagas").resolve("sagas.db"));
            index = JdbcSagaIndex.create(database);
        }

        @AfterAll
        void close() {
            database.close();
        }

        @Override
        public SagaIndex index() {
            return index;
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class OnPostgres implements SagaIndexContract {

        private HikariDataSource pool;
        private SagaIndex index;

        @BeforeAll
        void open() {
            pool = PostgresHarness.newDatabase().pool(4);
            index = JdbcSagaIndex.create(OrdoDatabase.postgres(pool));
        }

        @AfterAll
        void close() {
            pool.close();
        }

        @Override
        public SagaIndex index() {
            return index;
        }
    }
}
