package dev.ordo.saga;

import com.zaxxer.hikari.HikariDataSource;
import dev.ordo.jdbc.OrdoDatabase;
import dev.ordo.test.postgres.PostgresHarness;
import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.TestInstance;

/** Every saga index passes the same contract: in memory, SQLite and PostgreSQL. */
class SagaIndexIntegrationTests {

    @Nested
    class InMemory implements SagaIndexContract {
        private final InMemorySagaIndex index = new InMemorySagaIndex();

        @Override
        public SagaIndex index() {
            return index;
        }
    }

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
