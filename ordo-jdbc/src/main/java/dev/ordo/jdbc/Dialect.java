package dev.ordo.jdbc;

import dev.ordo.core.event.RecordedEvent;
import dev.ordo.core.event.StreamId;
import dev.ordo.core.store.StreamInfo;
import dev.ordo.core.store.StreamStatus;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * Everything that differs between SQLite and PostgreSQL: the SQL text (from resource files), how a batch is
 * written, and how ids, times and string sets are bound and read. Everything else is shared.
 */
abstract sealed class Dialect permits PostgresDialect, SqliteDialect {

    final SqlStatements sql;

    Dialect(SqlStatements sql) {
        this.sql = sql;
    }

    /** The name of the dialect, also the folder of its migrations. */
    abstract String name();

    /**
     * Plans and writes one batch of appends in one transaction (retrying internally if a concurrent writer
     * moved the head), and returns the committed plan; the caller completes the requests.
     *
     * @param lookupIds whether to look up already stored event ids first (the slow, idempotent path)
     */
    abstract BatchPlan appendBatch(Connection connection, List<PendingAppend> batch, boolean lookupIds, Instant now)
            throws SQLException;

    /** Starts a write transaction that excludes every other writer until it ends. */
    abstract void beginExclusive(Connection connection) throws SQLException;

    /**
     * Starts a write transaction for data that can be derived again from the log (read models, checkpoints, the saga
     * index): it does not block appends, and its commit may return before it reaches the disk (SQLite does so). A
     * crash can then take back only the latest such commits, all after the last durable one (the log is written in
     * commit order, and a durable commit flushes everything before it), so a read model and its checkpoint stay
     * consistent.
     */
    abstract void beginDerivedWrite(Connection connection) throws SQLException;

    /** Starts a write transaction for data kept nowhere else (dead letters): it does not block appends, and its
     * commit survives power loss. */
    abstract void beginDurableWrite(Connection connection) throws SQLException;

    abstract void commit(Connection connection) throws SQLException;

    abstract void rollback(Connection connection);

    abstract void bindUuid(PreparedStatement statement, int index, UUID value) throws SQLException;

    abstract UUID readUuid(ResultSet rs, int index) throws SQLException;

    abstract void bindInstant(PreparedStatement statement, int index, Instant value) throws SQLException;

    abstract Instant readInstant(ResultSet rs, int index) throws SQLException;

    /** Binds a time, or SQL {@code NULL} for {@code null}. */
    final void bindInstantOrNull(PreparedStatement statement, int index, Instant value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.NULL);
        } else {
            bindInstant(statement, index, value);
        }
    }

    /** Reads a time that may be SQL {@code NULL}. */
    final Instant readInstantOrNull(ResultSet rs, int index) throws SQLException {
        return rs.getObject(index) == null ? null : readInstant(rs, index);
    }

    /** Binds a set of strings for the dialect's set-membership syntax. */
    abstract void bindStrings(Connection connection, PreparedStatement statement, int index, Collection<String> values)
            throws SQLException;

    /** Maps a row of the shared event column list. */
    final RecordedEvent readEvent(ResultSet rs) throws SQLException {
        return new RecordedEvent(
                readUuid(rs, 2),
                new StreamId(rs.getString(3)),
                rs.getLong(4),
                rs.getLong(1),
                rs.getString(5),
                rs.getInt(6),
                rs.getString(7),
                MetadataColumns.read(rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11), rs.getString(12)),
                readInstant(rs, 13));
    }

    /** Reads one stream's state inside the caller's transaction, or {@code null} when it was never written. */
    final StreamInfo streamInfo(Connection connection, StreamId stream) throws SQLException {
        return withStatement(connection, sql.get("stream_info"), statement -> {
            statement.setString(1, stream.value());
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? streamInfo(stream, rs.getLong(1), rs.getInt(2), rs.getLong(3)) : null;
            }
        });
    }

    /**
     * Runs the work with a prepared statement for the SQL. The statement is not the work's to close; whether it is
     * prepared for this call or kept for the next one is the dialect's choice (SQLite keeps the store's statements,
     * {@link SqliteStatementCache}; PostgreSQL's driver caches server-side plans by SQL text itself).
     */
    <T> T withStatement(Connection connection, String sqlText, StatementWork<T> work) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sqlText)) {
            return work.apply(statement);
        }
    }

    static StreamInfo streamInfo(StreamId stream, long version, int status, long truncatedBefore) {
        return new StreamInfo(stream, version, StreamStatus.values()[status], truncatedBefore);
    }

    /** Microseconds since the epoch: both databases keep time to the microsecond. */
    static Instant truncateToMicros(Instant instant) {
        return Instant.ofEpochSecond(instant.getEpochSecond(), instant.getNano() / 1_000 * 1_000);
    }
}
