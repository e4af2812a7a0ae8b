package dev.ordo.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import dev.ordo.core.store.EventStoreUnavailableException;
import dev.ordo.test.postgres.PostgresHarness;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Derived data (read models, checkpoints, indexes) commits without waiting for the disk on SQLite; dead letters and
 * the connection's other work stay durable, also after a derived transaction on the same connection. PostgreSQL
 * commits both durably. Every kind of transaction commits what its work wrote and leaves nothing when the work throws;
 * a module's own schema is migrated beside Ordo's with its own history.
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
            String seen = database.inTransaction(OrdoDatabase.Writes.DERIVED, this::durability);

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

        @ParameterizedTest
        @EnumSource(OrdoDatabase.Writes.class)
        void aTransactionCommitsWhatItsWorkWroteAndLeavesNothingWhenTheWorkThrows(OrdoDatabase.Writes kind) {
            database.migrate("dev/ordo/jdbc/notes", true, "test_notes_history");

            database.inTransaction(kind, connection -> insertNote(connection, 1));
            assertThatThrownBy(() -> database.inTransaction(kind, connection -> {
                insertNote(connection, 2);
                throw new AssertionError("the work died half way");
            })).isInstanceOf(AssertionError.class);
            assertThatThrownBy(() -> database.inTransaction(kind, connection -> {
                insertNote(connection, 3);
                return insertNote(connection, 1);
            })).isInstanceOf(EventStoreUnavailableException.class)
                    .hasMessageStartingWith("could not write " + kind.name().toLowerCase(Locale.ROOT) + " data");

            String notes = database.inTransaction(kind, connection -> single(connection, "SELECT COUNT(*) FROM test_notes"));
            assertThat(notes).as("only the committed note, and the writer connection still usable").isEqualTo("1");
        }

        @Test
        void aModulesSchemaIsMigratedOnceWithItsOwnHistoryBesideOrdos() throws SQLException {
            database.migrate("dev/ordo/jdbc/notes", true, "test_notes_history");
            database.migrate("dev/ordo/jdbc/notes", true, "test_notes_history");

            try (Connection connection = database.readDataSource().getConnection()) {
                assertThat(single(connection,
                        "SELECT COUNT(*) FROM test_notes_history WHERE version = '1' AND success"))
                        .as("V1, once").isEqualTo("1");
                assertThat(single(connection, "SELECT COUNT(*) FROM test_notes")).isEqualTo("0");
                assertThat(single(connection, "SELECT COUNT(*) FROM ordo_schema_history WHERE script LIKE '%notes%'"))
                        .isEqualTo("0");
            }
        }

        private static int insertNote(Connection connection, int id) throws SQLException {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO test_notes (id, body) VALUES (?, 'note')")) {
                insert.setInt(1, id);
                return insert.executeUpdate();
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
