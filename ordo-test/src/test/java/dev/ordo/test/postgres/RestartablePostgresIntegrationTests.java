package dev.ordo.test.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A server of a test's own goes away and comes back on the same port with every committed row. */
class RestartablePostgresIntegrationTests {

    @TempDir
    Path folder;

    @Test
    void refusesConnectionsWhileStoppedAndKeepsCommittedDataAcrossARestartOnTheSamePort() throws SQLException {
        try (RestartablePostgres server = RestartablePostgres.start(folder.resolve("pg"))) {
            PostgresDatabase database = server.newDatabase();
            try (Connection connection = connect(database); Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE kept (id int PRIMARY KEY)");
                statement.execute("INSERT INTO kept VALUES (1), (2)");
            }
            Connection open = connect(database);

            server.stop();

            assertThat(server.isRunning()).isFalse();
            assertThatThrownBy(() -> connect(database).close()).isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> open.createStatement().execute("SELECT 1"))
                    .as("a session open when the server stopped").isInstanceOf(SQLException.class);
            open.close();

            server.start();

            assertThat(server.isRunning()).isTrue();
            assertThat(database.port()).isEqualTo(server.port());
            try (Connection connection = connect(database); Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT count(*) FROM kept")) {
                rows.next();
                assertThat(rows.getInt(1)).isEqualTo(2);
            }
        }
    }

    @Test
    void leavesTheSharedServerAlone() throws SQLException {
        PostgresDatabase shared = PostgresHarness.newDatabase();
        try (RestartablePostgres own = RestartablePostgres.start(folder.resolve("own"))) {
            own.stop();

            assertThat(own.port()).isNotEqualTo(shared.port());
            try (Connection connection = connect(shared)) {
                assertThat(connection.isValid(5)).isTrue();
            }
        }
    }

    private static Connection connect(PostgresDatabase database) throws SQLException {
        return DriverManager.getConnection(database.jdbcUrl(), database.properties());
    }
}
