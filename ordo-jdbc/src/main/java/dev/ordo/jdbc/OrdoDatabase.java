package dev.ordo.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.ordo.core.store.EventStoreUnavailableException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The database Ordo's stores live in, with its schema migrated (Flyway, history table
 * {@code ordo_schema_history}, so it never clashes with the application's own migrations).
 *
 * <p>SQLite: one durable file in WAL mode with {@code synchronous=FULL} (a commit survives power loss), a single
 * writer connection and a separate pool of read-only connections. PostgreSQL: the application's pooled data
 * source, used for both reads and writes. Thread-safe; {@link #close()} closes only the pools it created.
 */
public final class OrdoDatabase implements AutoCloseable {

    private static final String ORDO_MIGRATIONS = "dev/ordo/jdbc/migration/";
    private static final String ORDO_HISTORY = "ordo_schema_history";

    private final Dialect dialect;
    private final DataSource writer;
    private final DataSource reader;
    private final List<HikariDataSource> owned;

    private OrdoDatabase(Dialect dialect, DataSource writer, DataSource reader, List<HikariDataSource> owned) {
        this.dialect = dialect;
        this.writer = writer;
        this.reader = reader;
        this.owned = owned;
    }

    /** Opens (creating if needed) a SQLite database file with default options, and migrates it. */
    public static OrdoDatabase sqlite(Path file) {
        return sqlite(file, SqliteOptions.defaults());
    }

    /** Opens (creating if needed) a SQLite database file, and migrates it. */
    public static OrdoDatabase sqlite(Path file, SqliteOptions options) {
        Objects.requireNonNull(file, "file");
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the folder of " + file, e);
        }
        SQLiteDataSource writing = sqliteDataSource(file, options);
        migrate(writing, ORDO_MIGRATIONS + "sqlite", ORDO_HISTORY);
        List<HikariDataSource> pools = new ArrayList<>();
        // whoever holds the single writer connection holds it for about one busy timeout at most (waiting for the
        // file's lock), so waiting twice that for it bounds an append without failing it while the file is merely busy
        Duration connectionTimeout = options.busyTimeout().multipliedBy(2).plusMillis(250);
        HikariDataSource writer = pool("ordo-sqlite-writer", writing, 1, null, connectionTimeout);
        pools.add(writer);
        HikariDataSource reader = pool("ordo-sqlite-reader", sqliteDataSource(file, options), options.readers(),
                "PRAGMA query_only = true", connectionTimeout);
        pools.add(reader);
        return new OrdoDatabase(new SqliteDialect(), writer, reader, List.copyOf(pools));
    }

    /** Uses a PostgreSQL database through the application's (pooled) data source with default options, and migrates it. */
    public static OrdoDatabase postgres(DataSource dataSource) {
        return postgres(dataSource, PostgresOptions.defaults());
    }

    /**
     * Uses a PostgreSQL database through the application's (pooled) data source, and migrates it. The pool's connection
     * timeout bounds how long an append waits for a database that went away: a few seconds, not HikariCP's default 30.
     */
    public static OrdoDatabase postgres(DataSource dataSource, PostgresOptions options) {
        Objects.requireNonNull(dataSource, "dataSource");
        Objects.requireNonNull(options, "options");
        migrate(dataSource, ORDO_MIGRATIONS + "postgresql", ORDO_HISTORY);
        return new OrdoDatabase(new PostgresDialect(options), dataSource, dataSource, List.of());
    }

    /** {@code sqlite} or {@code postgresql}. */
    public String dialectName() {
        return dialect.name();
    }

    /** Connections that may write. On SQLite this pool has exactly one connection: hold it briefly. */
    public DataSource writeDataSource() {
        return writer;
    }

    /** Connections for reads. On SQLite they are read-only. */
    public DataSource readDataSource() {
        return reader;
    }

    Dialect dialect() {
        return dialect;
    }

    /**
     * A view of this database whose writes go through another data source (tests wrap the writer's to inject faults);
     * it shares this database's pools and closes nothing.
     */
    OrdoDatabase withWriter(DataSource writer) {
        return new OrdoDatabase(dialect, writer, reader, List.of());
    }

    /**
     * Runs work with a prepared statement for the SQL on one of this database's connections. On SQLite the
     * statement is kept for the next use of the same SQL on the same physical connection (the driver caches
     * nothing and preparing costs more than a point query); on PostgreSQL it is prepared for this call and the
     * driver caches the server-side plan by SQL text. Either way the work must not close the statement, and must
     * close every result set it opens (try-with-resources), so that a kept statement holds no read snapshot.
     * Parameters are cleared afterwards.
     */
    public <T> T withStatement(Connection connection, String sql, StatementWork<T> work) throws SQLException {
        return dialect.withStatement(connection, sql, work);
    }

    /** Work done on a connection inside a transaction. */
    @FunctionalInterface
    public interface TransactionWork<T> {
        T run(Connection connection) throws SQLException;
    }

    /** What a transaction writes, which decides how it begins and how its commit is made durable. */
    public enum Writes {
        /**
         * Data that can be derived again from the event log (read models, indexes, hints). It never blocks appends on
         * PostgreSQL, and on SQLite it commits without waiting for the disk: a power loss can take back only the
         * latest such transactions, each as a whole, and the next durable commit flushes every earlier one. Never
         * for events or anything that cannot be rebuilt.
         */
        DERIVED,
        /** Data that cannot be rebuilt (dead letters, idempotency keys): the commit waits for the disk. */
        DURABLE,
        /** Like {@link #DURABLE}, and one at a time with the appends (the event store's changes of its streams). */
        EXCLUSIVE
    }

    /**
     * Runs work in one write transaction of the given kind: committed when the work returns, rolled back when it
     * throws anything (an {@link Error} too, so that the pooled connection never keeps a transaction open).
     *
     * @throws EventStoreUnavailableException when the database fails (the work's {@link SQLException} included)
     */
    public <T> T inTransaction(Writes kind, TransactionWork<T> work) {
        try {
            return transaction(kind, work);
        } catch (SQLException e) {
            throw SqlErrors.io("write " + kind.name().toLowerCase(Locale.ROOT) + " data", e);
        }
    }

    /** {@link #inTransaction} that lets the work's {@link SQLException} through, for callers that name their own. */
    <T> T transaction(Writes kind, TransactionWork<T> work) throws SQLException {
        try (Connection connection = writer.getConnection()) {
            switch (kind) {
                case DERIVED -> dialect.beginDerivedWrite(connection);
                case DURABLE -> dialect.beginDurableWrite(connection);
                case EXCLUSIVE -> dialect.beginExclusive(connection);
            }
            try {
                T result = work.run(connection);
                dialect.commit(connection);
                return result;
            } catch (SQLException | RuntimeException | Error e) {
                dialect.rollback(connection);
                throw e;
            }
        }
    }

    /**
     * Migrates a schema of its own (an application's or a module's) in this database with Flyway: the SQL files under
     * {@code classpath:<location>/<dialect name>} (see {@link #dialectName()}), or under {@code location} itself when
     * {@code perDialect} is false, recorded in {@code historyTable} so that it never clashes with Ordo's own history or
     * another schema's. A database that already has tables is baselined at version 0.
     */
    public void migrate(String location, boolean perDialect, String historyTable) {
        migrate(writer, perDialect ? location + "/" + dialect.name() : location, historyTable);
    }

    @Override
    public void close() {
        owned.forEach(HikariDataSource::close);
    }

    private static void migrate(DataSource dataSource, String location, String historyTable) {
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:" + location)
                .table(historyTable)
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
    }

    private static SQLiteDataSource sqliteDataSource(Path file, SqliteOptions options) {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.setBusyTimeout((int) options.busyTimeout().toMillis());
        config.enforceForeignKeys(true);
        SQLiteDataSource dataSource = new SQLiteDataSource(config);
        dataSource.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
        return dataSource;
    }

    private static HikariDataSource pool(String name, DataSource dataSource, int size, String initSql,
                                         Duration connectionTimeout) {
        HikariConfig config = new HikariConfig();
        config.setConnectionTimeout(connectionTimeout.toMillis());
        config.setPoolName(name);
        config.setDataSource(dataSource);
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(size);
        config.setAutoCommit(true);
        config.setConnectionInitSql(initSql);
        return new HikariDataSource(config);
    }
}
