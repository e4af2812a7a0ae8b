package dev.ordo.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteStatementCacheIntegrationTests {

    private static final String COUNT = "SELECT count(*) FROM things";

    private final SqliteStatementCache cache = new SqliteStatementCache();
    private OrdoDatabase database;

    @BeforeEach
    void open(@TempDir Path folder) throws SQLException {
        database = OrdoDatabase.sqlite(folder.resolve("statements.db"));
        try (Connection connection = database.writeDataSource().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE things (name TEXT NOT NULL)");
        }
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void aStatementIsPreparedOncePerPhysicalConnectionAcrossBorrowsFromThePool() throws SQLException {
        PreparedStatement first = borrowAndRun(COUNT);
        PreparedStatement second = borrowAndRun(COUNT);

        assertThat(second).isSameAs(first);
        assertThat(second.isClosed()).isFalse();
        assertThat(borrowAndRun("SELECT 1")).isNotSameAs(first);
    }

    @Test
    void aKeptStatementSeesWhatOtherConnectionsCommitAfterItLastRan() throws SQLException {
        assertThat(count()).isZero();

        insert("a");
        insert("b");

        assertThat(count()).isEqualTo(2);
    }

    @Test
    void aKeptStatementLetsTheWriterCheckpointTheLogSoItHoldsNoReadSnapshot() throws SQLException {
        insert("a");
        assertThat(count()).isEqualTo(1);

        try (Connection writer = database.writeDataSource().getConnection();
             Statement statement = writer.createStatement();
             ResultSet rs = statement.executeQuery("PRAGMA wal_checkpoint(TRUNCATE)")) {
            rs.next();
            assertThat(rs.getInt(1)).as("checkpoint blocked by a reader").isZero();
        }
    }

    @Test
    void parametersAreClearedAfterEachRunSoAForgottenBindingIsNullNotTheLastValue() throws SQLException {
        insert("a");
        String sql = "SELECT count(*) FROM things WHERE name = ?";
        try (Connection connection = database.writeDataSource().getConnection()) {
            int bound = cache.run(connection, sql, statement -> {
                statement.setString(1, "a");
                return single(statement);
            });
            int forgotten = cache.run(connection, sql, SqliteStatementCacheIntegrationTests::single);

            assertThat(bound).isEqualTo(1);
            assertThat(forgotten).isZero();
        }
    }

    @Test
    void aStatementWhoseWorkFailedIsClosedAndPreparedAfreshNextTime() throws SQLException {
        PreparedStatement failed;
        try (Connection connection = database.writeDataSource().getConnection()) {
            PreparedStatement[] seen = new PreparedStatement[1];
            assertThatThrownBy(() -> cache.run(connection, COUNT, statement -> {
                seen[0] = statement;
                throw new SQLException("the work broke");
            })).hasMessage("the work broke");
            failed = seen[0];
        }

        assertThat(failed.isClosed()).isTrue();
        assertThat(borrowAndRun(COUNT)).isNotSameAs(failed);
    }

    /** Borrows the writer pool's only connection, so every borrow gets the same physical connection. */
    private PreparedStatement borrowAndRun(String sql) throws SQLException {
        try (Connection connection = database.writeDataSource().getConnection()) {
            return cache.run(connection, sql, statement -> {
                try (ResultSet rs = statement.executeQuery()) {
                    rs.next();
                }
                return statement;
            });
        }
    }

    private int count() throws SQLException {
        try (Connection connection = database.readDataSource().getConnection()) {
            return cache.run(connection, COUNT, SqliteStatementCacheIntegrationTests::single);
        }
    }

    private static int single(PreparedStatement statement) throws SQLException {
        try (ResultSet rs = statement.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private void insert(String name) throws SQLException {
        try (Connection connection = database.writeDataSource().getConnection();
             PreparedStatement statement = connection.prepareStatement("INSERT INTO things (name) VALUES (?)")) {
            statement.setString(1, name);
            statement.executeUpdate();
        }
    }
}
