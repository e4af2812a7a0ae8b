package dev.ordo.marketplace.crash;

import dev.ordo.test.postgres.PostgresDatabase;
import dev.ordo.test.postgres.RestartablePostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.sqlite.SQLiteConfig;

/**
 * Where a crash run's marketplace keeps its events, kept across every kill and restart, with what the harness needs
 * of it: the application's arguments, a read-only connection to check the event log, and the way this backend's
 * database goes away ({@link #takeAway()}). Not thread-safe.
 */
sealed interface Store extends AutoCloseable {

    /** The backends a run can use. */
    enum Backend {
        SQLITE, POSTGRES
    }

    Backend backend();

    /** The marketplace's arguments that point it at this store. */
    List<String> appArgs();

    /** A connection to read the event log (and read models) while the application runs. */
    Connection connect() throws SQLException;

    /** The database taken away from the application; {@link #close()} gives it back. */
    interface Outage extends AutoCloseable {
        @Override
        void close() throws SQLException;
    }

    /** Makes the database unavailable to the application until the outage is closed. */
    Outage takeAway() throws SQLException;

    /** What the outages of this backend are called in the report. */
    String outageName();

    @Override
    void close();

    /** The store of a run on the backend, its files in {@code folder}. */
    static Store create(Backend backend, Path folder) {
        return switch (backend) {
            case SQLITE -> new Sqlite(folder.resolve("ordo.db"));
            case POSTGRES -> {
                RestartablePostgres server = RestartablePostgres.start(folder.resolve("postgres"));
                yield new Postgres(server, server.newDatabase());
            }
        };
    }

    /** A SQLite file; it goes away by being locked by another connection (an exclusive transaction). */
    record Sqlite(Path file) implements Store {

        /** How long the application waits for a lock before its write fails; shorter than a lock the test holds. */
        static final Duration BUSY_TIMEOUT = Duration.ofSeconds(1);

        @Override
        public Backend backend() {
            return Backend.SQLITE;
        }

        @Override
        public List<String> appArgs() {
            return List.of("--ordo.store.sqlite.path=" + file.toAbsolutePath(),
                    "--ordo.store.sqlite.busy-timeout=" + BUSY_TIMEOUT.toMillis() + "ms");
        }

        @Override
        public Connection connect() throws SQLException {
            SQLiteConfig config = new SQLiteConfig();
            config.setReadOnly(true);
            config.setBusyTimeout(10_000);
            return DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(), config.toProperties());
        }

        @Override
        public Outage takeAway() throws SQLException {
            Properties properties = new SQLiteConfig().toProperties();
            properties.setProperty("busy_timeout", "30000");
            Connection lock = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(), properties);
            try (Statement statement = lock.createStatement()) {
                statement.execute("BEGIN EXCLUSIVE");
            } catch (SQLException e) {
                lock.close();
                throw e;
            }
            return () -> {
                try (lock; Statement statement = lock.createStatement()) {
                    statement.execute("ROLLBACK");
                }
            };
        }

        @Override
        public String outageName() {
            return "file locks";
        }

        @Override
        public void close() {
        }
    }

    /** A database on a PostgreSQL server of the run's own; it goes away by the server being stopped. */
    record Postgres(RestartablePostgres server, PostgresDatabase database) implements Store {

        @Override
        public Backend backend() {
            return Backend.POSTGRES;
        }

        @Override
        public List<String> appArgs() {
            return List.of("--spring.profiles.active=postgres", "--ordo.store.postgres.url=" + database.jdbcUrl(),
                    "--ordo.store.postgres.username=" + database.user(),
                    "--ordo.store.postgres.password=" + database.password());
        }

        @Override
        public Connection connect() throws SQLException {
            return DriverManager.getConnection(database.jdbcUrl(), database.properties());
        }

        @Override
        public Outage takeAway() {
            server.stop();
            return server::start;
        }

        @Override
        public String outageName() {
            return "PostgreSQL restarts";
        }

        @Override
        public void close() {
            server.close();
        }
    }
}
