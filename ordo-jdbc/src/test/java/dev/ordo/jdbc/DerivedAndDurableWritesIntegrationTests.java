package dev.ordo.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.ordo.test.postgres.PostgresHarness;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Derived data (read models, checkpoints, indexes) commits without waiting for the disk on SQLite; dead letters and
 * the connection's other work stay durable, also after a derived transaction on the same connection. PostgreSQL
 * commits both durably.
 */
class DerivedAndDurableWritesIntegrationTests {

    abstract static class Contract {

        OrdoDatabase database;

        /** The durability setting of the current transaction, as the database names it. */
        abstract String durability(Connection connection) throws SQLException;

        /** The setting a derived transaction runs with. */
        abstract String relaxed();

        abstract String durable();

        @AfterEach
        void close() {
            database.close();
        }

        @Test
        void aDerivedTransactionCommitsAsTheDialectChose() {
            String seen = database.inDerivedTransaction(this::durability);

            assertThat(seen).isEqualTo(relaxed());
        }

        @Test
        void aDurableTransactionWaitsForTheDiskEvenRightAfterADerivedOneOnTheSameConnection() throws SQLException {
            try (Connection connection = database.writeDataSource().getConnection()) {
                database.dialect().beginDerivedWrite(connection);
                database.dialect().commit(connection);

                database.dialect().beginDurableWrite(connection);
                String seen = durability(connection);
                database.dialect().commit(connection);

                assertThat(seen).isEqualTo(durable());
                assertThat(durability(connection)).as("after the transactions").isEqualTo(durable());
            }
        }

        static String single(Connection connection, String sql) throws SQLException {
            try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    @Nested
    class OnSqlite extends Contract {

        OnSqlite(@TempDir Path folder) {
            database = OrdoDatabase.sqlite(folder.resolve("durability.db"));
        }

        @Override
        String durability(Connection connection) throws SQLException {
            return single(connection, "PRAGMA synchronous");
        }

        @Override
        String relaxed() {
            return "1";
        }

        @Override
        String durable() {
            return "2";
        }
    }

    @Nested
    class OnPostgres extends Contract {

        private final HikariDataSource pool;

        OnPostgres() {
            pool = PostgresHarness.newDatabase().pool(3);
            database = OrdoDatabase.postgres(pool);
        }

        @AfterEach
        void closePool() {
            pool.close();
        }

        @Override
        String durability(Connection connection) throws SQLException {
            return single(connection, "SHOW synchronous_commit");
        }

        @Override
        String relaxed() {
            return "on";
        }

        @Override
        String durable() {
            return "on";
        }
    }
}
