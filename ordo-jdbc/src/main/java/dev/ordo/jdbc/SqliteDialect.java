package dev.ordo.jdbc;

import dev.ordo.core.event.EventData;
import dev.ordo.core.event.EventMetadata;
import dev.ordo.core.event.StreamId;
import dev.ordo.core.store.StoredEventRef;
import dev.ordo.core.store.StreamInfo;
import dev.ordo.jackson.OrdoJson;
import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * SQLite: one writer connection, and every write inside {@code BEGIN IMMEDIATE}, which holds the database's write
 * lock from the first read of the batch to the commit. Waiting for that lock while another process holds it is bounded
 * by the connection's busy timeout ({@link SqliteOptions#busyTimeout()}); then the append fails, unwritten. Ids are
 * 16-byte blobs, times microseconds since the epoch.
 */
final class SqliteDialect extends Dialect {

    /** Every event append runs with this, whatever an earlier transaction on the connection set. */
    private static final String DURABLE = "PRAGMA synchronous = FULL";

    private final SqliteStatementCache statements = new SqliteStatementCache();

    SqliteDialect() {
        super(SqlStatements.load("sqlite"));
    }

    @Override
    <T> T withStatement(Connection connection, String sqlText, StatementWork<T> work) throws SQLException {
        return statements.run(connection, sqlText, work);
    }

    @Override
    String name() {
        return "sqlite";
    }

    @Override
    BatchPlan appendBatch(Connection connection, List<PendingAppend> batch, boolean lookupIds, Instant now)
            throws SQLException {
        begin(connection, DURABLE);
        try {
            BatchPlan plan = BatchPlanner.plan(readState(connection, batch, lookupIds), batch);
            if (plan.writes()) {
                write(connection, plan, now);
            }
            CommitInDoubtException.committing(() -> {
                execute(connection, "COMMIT");
                return null;
            });
            return plan;
        } catch (SQLException | RuntimeException | Error e) {
            rollback(connection);
            throw e;
        }
    }

    private StoreState readState(Connection connection, List<PendingAppend> batch, boolean lookupIds) throws SQLException {
        long[] headAndRevision = withStatement(connection, sql.get("read_head"), statement -> {
            try (ResultSet rs = statement.executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException("the ordo_head row is missing; was the schema migrated?");
                }
                return new long[] {rs.getLong(1), rs.getLong(2)};
            }
        });
        Map<StreamId, StreamInfo> infos = new HashMap<>();
        for (PendingAppend request : batch) {
            if (!infos.containsKey(request.stream())) {
                StreamInfo info = streamInfo(connection, request.stream());
                if (info != null) {
                    infos.put(request.stream(), info);
                }
            }
        }
        return new StoreState(headAndRevision[0], headAndRevision[1], infos,
                lookupIds ? findStoredIds(connection, batch) : null);
    }

    private Map<UUID, StoredEventRef> findStoredIds(Connection connection, List<PendingAppend> batch) throws SQLException {
        Map<UUID, StoredEventRef> found = new HashMap<>();
        return withStatement(connection, sql.get("find_event_id"), statement -> {
            for (PendingAppend request : batch) {
                for (EventData event : request.events()) {
                    statement.setString(1, event.payload());
                    bindUuid(statement, 2, event.eventId());
                    try (ResultSet rs = statement.executeQuery()) {
                        if (rs.next()) {
                            found.put(event.eventId(), new StoredEventRef(event.eventId(), new StreamId(rs.getString(1)),
                                    rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getInt(5), rs.getBoolean(6)));
                        }
                    }
                }
            }
            return found;
        });
    }

    private void write(Connection connection, BatchPlan plan, Instant now) throws SQLException {
        long recordedAt = micros(now);
        withStatement(connection, sql.get("insert_event"), insert -> {
            for (BatchPlan.Row row : plan.rows()) {
                EventData event = row.event();
                EventMetadata metadata = event.metadata();
                insert.setLong(1, row.position());
                bindUuid(insert, 2, event.eventId());
                insert.setString(3, row.stream().value());
                insert.setString(4, row.stream().category());
                insert.setLong(5, row.version());
                insert.setString(6, event.eventType());
                insert.setInt(7, event.schemaVersion());
                insert.setString(8, event.payload());
                insert.setString(9, metadata.correlationId());
                insert.setString(10, metadata.causationId());
                insert.setString(11, metadata.actor());
                insert.setString(12, metadata.traceParent());
                insert.setString(13, MetadataColumns.extraJson(metadata));
                insert.setLong(14, recordedAt);
                insert.addBatch();
            }
            return insert.executeBatch();
        });
        withStatement(connection, sql.get("upsert_stream"), upsert -> {
            for (StreamInfo info : plan.streams().values()) {
                upsert.setString(1, info.streamId().value());
                upsert.setLong(2, info.version());
                upsert.setInt(3, info.status().ordinal());
                upsert.setLong(4, info.truncatedBefore());
                upsert.addBatch();
            }
            return upsert.executeBatch();
        });
        withStatement(connection, sql.get("update_head"), head -> {
            head.setLong(1, plan.newHead());
            return head.executeUpdate();
        });
    }

    @Override
    void beginExclusive(Connection connection) throws SQLException {
        begin(connection, DURABLE);
        try {
            execute(connection, sql.get("bump_revision"));
        } catch (SQLException e) {
            rollback(connection);
            throw e;
        }
    }

    /**
     * Read-model and checkpoint transactions commit without waiting for the disk ({@code synchronous=NORMAL}): they
     * can always be derived again from the log, and they are written together, so a power loss can only take back
     * the latest of them as a whole (the next durable commit of the events also flushes every earlier one). Event
     * appends and stream maintenance stay {@code synchronous=FULL}.
     */
    @Override
    void beginDerivedWrite(Connection connection) throws SQLException {
        begin(connection, "PRAGMA synchronous = NORMAL");
    }

    /** At the connection's own {@code synchronous=FULL}. */
    @Override
    void beginDurableWrite(Connection connection) throws SQLException {
        begin(connection, DURABLE);
    }

    /**
     * Sets the durability of the next transaction and begins it. The pragma is refused inside a transaction, and the
     * only one this connection can be in here is one that a failed {@code ROLLBACK} left open: it would hold the file's
     * write lock and fail every later write on the connection, so it is rolled back and the pragma tried again. A
     * failed begin leaves the connection at {@code synchronous=FULL}.
     */
    private void begin(Connection connection, String synchronous) throws SQLException {
        try {
            execute(connection, synchronous);
        } catch (SQLException insideATransaction) {
            rollback(connection);
            execute(connection, synchronous);
        }
        try {
            execute(connection, "BEGIN IMMEDIATE");
        } catch (SQLException e) {
            if (!synchronous.equals(DURABLE)) {
                execute(connection, DURABLE);
            }
            throw e;
        }
    }

    @Override
    void commit(Connection connection) throws SQLException {
        try {
            execute(connection, "COMMIT");
        } finally {
            execute(connection, DURABLE);
        }
    }

    /** Rolls back; a {@code ROLLBACK} that fails is tried once more, as it would leave the file's write lock held. */
    @Override
    void rollback(Connection connection) {
        for (int attempt = 1; attempt <= 2; attempt++) {
            try {
                execute(connection, "ROLLBACK");
                break;
            } catch (SQLException ignored) {
                // no transaction was open, the rollback failed, or the connection is gone: nothing was committed, and a
                // transaction still open is rolled back by the next begin on this connection at the latest
            }
        }
        try {
            execute(connection, DURABLE);
        } catch (SQLException ignored) {
            // the connection is gone; a new one starts with synchronous=FULL from its configuration
        }
    }

    private void execute(Connection connection, String sqlText) throws SQLException {
        withStatement(connection, sqlText, PreparedStatement::execute);
    }

    @Override
    void bindUuid(PreparedStatement statement, int index, UUID value) throws SQLException {
        statement.setBytes(index, ByteBuffer.allocate(16)
                .putLong(value.getMostSignificantBits()).putLong(value.getLeastSignificantBits()).array());
    }

    @Override
    UUID readUuid(ResultSet rs, int index) throws SQLException {
        ByteBuffer bytes = ByteBuffer.wrap(rs.getBytes(index));
        return new UUID(bytes.getLong(), bytes.getLong());
    }

    @Override
    void bindInstant(PreparedStatement statement, int index, Instant value) throws SQLException {
        statement.setLong(index, micros(value));
    }

    @Override
    Instant readInstant(ResultSet rs, int index) throws SQLException {
        long micros = rs.getLong(index);
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000), Math.floorMod(micros, 1_000_000) * 1_000L);
    }

    @Override
    void bindStrings(Connection connection, PreparedStatement statement, int index, Collection<String> values)
            throws SQLException {
        statement.setString(index, OrdoJson.mapper().writeValueAsString(values));
    }

    private static long micros(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000), instant.getNano() / 1_000);
    }
}
