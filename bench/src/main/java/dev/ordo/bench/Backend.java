package dev.ordo.bench;

import com.zaxxer.hikari.HikariDataSource;
import dev.ordo.jdbc.OrdoDatabase;
import dev.ordo.test.postgres.PostgresDatabase;
import dev.ordo.test.postgres.PostgresHarness;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * A fresh database of one kind, migrated for Ordo, plus {@code bench_events}: a table identical to
 * {@code ordo_events} (same columns, keys and indexes) that the raw baselines write and read with plain JDBC.
 */
final class Backend implements AutoCloseable {

    final String name;
    final OrdoDatabase database;
    private final HikariDataSource pool;
    private final Path sqliteFile;

    private Backend(String name, OrdoDatabase database, HikariDataSource pool, Path sqliteFile) {
        this.name = name;
        this.database = database;
        this.pool = pool;
        this.sqliteFile = sqliteFile;
    }

    static Backend open(String name) {
        return switch (name) {
            case "sqlite" -> sqlite();
            case "postgres" -> postgres();
            default -> throw new IllegalArgumentException("unknown backend " + name + "; use sqlite or postgres");
        };
    }

    private static Backend sqlite() {
        try {
            Path file = Files.createTempDirectory("ordo-bench").resolve("bench.db");
            Backend backend = new Backend("sqlite", OrdoDatabase.sqlite(file), null, file);
            backend.execute("""
                    CREATE TABLE bench_events (
                        position INTEGER NOT NULL PRIMARY KEY, event_id BLOB NOT NULL UNIQUE, stream_id TEXT NOT NULL,
                        category TEXT NOT NULL, stream_version INTEGER NOT NULL, event_type TEXT NOT NULL,
                        schema_version INTEGER NOT NULL, payload TEXT NOT NULL, correlation_id TEXT, causation_id TEXT,
                        actor TEXT, trace_parent TEXT, extra TEXT, recorded_at INTEGER NOT NULL,
                        UNIQUE (stream_id, stream_version))""");
            backend.execute("CREATE INDEX bench_events_category_idx ON bench_events (category, position)");
            backend.execute("CREATE INDEX bench_events_type_idx ON bench_events (event_type, position)");
            return backend;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Backend postgres() {
        PostgresDatabase db = PostgresHarness.newDatabase();
        HikariDataSource pool = db.pool(100);
        Backend backend = new Backend("postgres", OrdoDatabase.postgres(pool), pool, null);
        backend.execute("CREATE TABLE bench_events (LIKE ordo_events INCLUDING ALL)");
        return backend;
    }

    boolean isSqlite() {
        return sqliteFile != null;
    }

    /** A connection for raw baselines: from the pool on PostgreSQL, a new plain connection on SQLite. */
    Connection rawConnection() throws SQLException {
        if (isSqlite()) {
            Connection connection = DriverManager.getConnection("jdbc:sqlite:" + sqliteFile);
            try (Statement statement = connection.createStatement()) {
                statement.execute("PRAGMA journal_mode = WAL");
                statement.execute("PRAGMA synchronous = FULL");
                statement.execute("PRAGMA busy_timeout = 30000");
            }
            return connection;
        }
        return pool.getConnection();
    }

    DataSource readDataSource() {
        return database.readDataSource();
    }

    /** The plain INSERT of one event row into bench_events. */
    String insertSql() {
        String payload = isSqlite() ? "?" : "?::jsonb";
        return "INSERT INTO bench_events (position, event_id, stream_id, category, stream_version, event_type, "
                + "schema_version, payload, correlation_id, causation_id, actor, trace_parent, extra, recorded_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, " + payload + ", ?, ?, ?, ?, " + payload + ", ?)";
    }

    /** Binds one row the way a hand-written DAO would. */
    void bindRow(PreparedStatement insert, long position, String stream, long version, dev.ordo.core.event.EventData e)
            throws SQLException {
        insert.setLong(1, position);
        if (isSqlite()) {
            UUID id = e.eventId();
            insert.setBytes(2, ByteBuffer.allocate(16).putLong(id.getMostSignificantBits())
                    .putLong(id.getLeastSignificantBits()).array());
        } else {
            insert.setObject(2, e.eventId());
        }
        insert.setString(3, stream);
        insert.setString(4, "bench");
        insert.setLong(5, version);
        insert.setString(6, e.eventType());
        insert.setInt(7, e.schemaVersion());
        insert.setString(8, e.payload());
        insert.setString(9, e.metadata().correlationId());
        insert.setString(10, null);
        insert.setString(11, null);
        insert.setString(12, null);
        insert.setString(13, null); // extra headers: none, as in the Ordo rows
        Instant now = Instant.now();
        if (isSqlite()) {
            insert.setLong(14, now.getEpochSecond() * 1_000_000 + now.getNano() / 1_000);
        } else {
            insert.setObject(14, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
        }
    }

    void execute(String sql) {
        try (Connection connection = database.writeDataSource().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    @Override
    public void close() {
        database.close();
        if (pool != null) {
            pool.close();
        }
    }
}
