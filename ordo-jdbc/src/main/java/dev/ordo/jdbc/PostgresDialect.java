package dev.ordo.jdbc;

import dev.ordo.core.event.EventData;
import dev.ordo.core.event.EventMetadata;
import dev.ordo.core.event.StreamId;
import dev.ordo.core.store.StoredEventRef;
import dev.ordo.core.store.StreamInfo;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * PostgreSQL: a batch is written optimistically in two round trips (read the head and the streams; then one
 * statement that writes events, streams and head only if the head's revision is unchanged, committed on its own).
 * After a few lost races with writers in other processes it falls back to locking the head row first.
 *
 * <p>The writer's work is bounded by {@link PostgresOptions}: the wait for the head row's lock by the server's
 * {@code lock_timeout}, set inside the writing statement itself (no extra round trip), and every wait for the server by
 * the connection's network timeout. A pessimistic transaction also tells the server to end it if this writer goes
 * silent while it holds the head row ({@code idle_in_transaction_session_timeout}).
 */
final class PostgresDialect extends Dialect {

    private static final int OPTIMISTIC_ATTEMPTS = 3;

    /**
     * The head, the revision and the streams of the last batch as this writer left them, or {@code null}. A lone writer
     * plans its next batch on the same streams from it instead of reading the store first (one round trip instead of
     * two): the append statement applies only while the head's revision is still the one known, so a write by anyone
     * else (another process, a change to a stream, which bumps the revision too) sends the writer back to reading.
     */
    private volatile StoreState afterLastWrite;

    private final String lockTimeoutMillis;
    private final int networkTimeoutMillis;

    PostgresDialect(PostgresOptions options) {
        super(SqlStatements.load("postgresql"));
        this.lockTimeoutMillis = Long.toString(options.lockTimeout().toMillis());
        this.networkTimeoutMillis = (int) options.networkTimeout().toMillis();
    }

    @Override
    String name() {
        return "postgresql";
    }

    @Override
    BatchPlan appendBatch(Connection connection, List<PendingAppend> batch, boolean lookupIds, Instant now)
            throws SQLException {
        // a pooled connection gets its own network timeout back when it is returned (HikariCP resets it)
        connection.setNetworkTimeout(Runnable::run, networkTimeoutMillis);
        connection.setAutoCommit(true);
        for (int attempt = 1; ; attempt++) {
            boolean pessimistic = attempt > OPTIMISTIC_ATTEMPTS;
            if (pessimistic) {
                connection.setAutoCommit(false);
            }
            try {
                if (pessimistic) {
                    lockHead(connection);
                }
                StoreState known = attempt == 1 && !lookupIds ? knownState(batch) : null;
                BatchPlan fromKnown = known == null ? null : BatchPlanner.plan(known, batch);
                // a plan from the known state is used only if it writes every request: a refusal (a wrong expected
                // version) must come from what the store holds now, which only the statement's revision check proves
                boolean useKnown = fromKnown != null && fromKnown.writes()
                        && fromKnown.outcomes().stream().allMatch(o -> o.failure() == null);
                StoreState state = useKnown ? known : readState(connection, batch, lookupIds);
                BatchPlan plan = useKnown ? fromKnown : BatchPlanner.plan(state, batch);
                afterLastWrite = null;
                boolean done;
                if (!plan.writes()) {
                    done = true;
                } else if (pessimistic) {
                    done = write(connection, plan, state.revision(), now);
                } else {
                    // autocommit: this statement is the commit, and a failure of it may leave the commit in doubt
                    done = CommitInDoubtException.committing(() -> write(connection, plan, state.revision(), now));
                }
                if (pessimistic) {
                    if (!done) {
                        throw new SQLException("the event store head moved while this writer held its lock");
                    }
                    CommitInDoubtException.committing(() -> {
                        connection.commit();
                        return null;
                    });
                }
                if (done) {
                    if (plan.writes()) {
                        afterLastWrite = new StoreState(plan.newHead(), state.revision() + 1, plan.streams(), null);
                    }
                    return plan;
                }
            } catch (SQLException | RuntimeException | Error e) {
                if (pessimistic) {
                    rollback(connection);
                }
                throw e;
            } finally {
                if (pessimistic) {
                    connection.setAutoCommit(true);
                }
            }
        }
    }

    /** The state after this writer's last batch, when it knows every stream of this one; {@code null} otherwise. */
    private StoreState knownState(List<PendingAppend> batch) {
        StoreState known = afterLastWrite;
        if (known == null) {
            return null;
        }
        for (PendingAppend request : batch) {
            if (!known.streams().containsKey(request.stream())) {
                return null;
            }
        }
        return known;
    }

    private void lockHead(Connection connection) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement(sql.get("lock_head"))) {
            lock.setString(1, lockTimeoutMillis);
            lock.setString(2, Integer.toString(networkTimeoutMillis));
            lock.executeQuery().close();
        }
    }

    private StoreState readState(Connection connection, List<PendingAppend> batch, boolean lookupIds) throws SQLException {
        Set<String> streams = new LinkedHashSet<>();
        batch.forEach(request -> streams.add(request.stream().value()));
        long head;
        long revision;
        Map<StreamId, StreamInfo> infos = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(sql.get("read_state"))) {
            statement.setArray(1, connection.createArrayOf("text", streams.toArray()));
            try (ResultSet rs = statement.executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException("the ordo_head row is missing; was the schema migrated?");
                }
                head = rs.getLong(1);
                revision = rs.getLong(2);
                do {
                    String stream = rs.getString(3);
                    if (stream != null) {
                        StreamId id = new StreamId(stream);
                        infos.put(id, streamInfo(id, rs.getLong(4), rs.getInt(5), rs.getLong(6)));
                    }
                } while (rs.next());
            }
        }
        return new StoreState(head, revision, infos, lookupIds ? findStoredIds(connection, batch) : null);
    }

    private Map<UUID, StoredEventRef> findStoredIds(Connection connection, List<PendingAppend> batch) throws SQLException {
        List<EventData> events = batch.stream().flatMap(r -> r.events().stream()).toList();
        Map<UUID, StoredEventRef> found = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(sql.get("find_event_ids"))) {
            statement.setArray(1, connection.createArrayOf("uuid", events.stream().map(EventData::eventId).toArray()));
            statement.setArray(2, connection.createArrayOf("text", events.stream().map(EventData::payload).toArray()));
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    UUID id = rs.getObject(1, UUID.class);
                    found.put(id, new StoredEventRef(id, new StreamId(rs.getString(2)), rs.getLong(3), rs.getLong(4),
                            rs.getString(5), rs.getInt(6), rs.getBoolean(7)));
                }
            }
        }
        return found;
    }

    private boolean write(Connection connection, BatchPlan plan, long revision, Instant now) throws SQLException {
        int n = plan.rows().size();
        Long[] positions = new Long[n];
        Object[] eventIds = new Object[n];
        String[] streamIds = new String[n];
        String[] categories = new String[n];
        Long[] versions = new Long[n];
        String[] types = new String[n];
        Integer[] schemaVersions = new Integer[n];
        String[] payloads = new String[n];
        String[] correlationIds = new String[n];
        String[] causationIds = new String[n];
        String[] actors = new String[n];
        String[] traceParents = new String[n];
        String[] extras = new String[n];
        for (int i = 0; i < n; i++) {
            BatchPlan.Row row = plan.rows().get(i);
            EventData event = row.event();
            EventMetadata metadata = event.metadata();
            positions[i] = row.position();
            eventIds[i] = event.eventId();
            streamIds[i] = row.stream().value();
            categories[i] = row.stream().category();
            versions[i] = row.version();
            types[i] = event.eventType();
            schemaVersions[i] = event.schemaVersion();
            payloads[i] = event.payload();
            correlationIds[i] = metadata.correlationId();
            causationIds[i] = metadata.causationId();
            actors[i] = metadata.actor();
            traceParents[i] = metadata.traceParent();
            extras[i] = MetadataColumns.extraJson(metadata);
        }
        int s = plan.streams().size();
        String[] streamRows = new String[s];
        Long[] streamVersions = new Long[s];
        Long[] truncated = new Long[s];
        int i = 0;
        for (StreamInfo info : plan.streams().values()) {
            streamRows[i] = info.streamId().value();
            streamVersions[i] = info.version();
            truncated[i] = info.truncatedBefore();
            i++;
        }
        try (PreparedStatement statement = connection.prepareStatement(sql.get("append"))) {
            int p = 1;
            statement.setString(p++, lockTimeoutMillis);
            statement.setLong(p++, plan.newHead());
            statement.setLong(p++, revision);
            bindInstant(statement, p++, now);
            statement.setArray(p++, connection.createArrayOf("bigint", positions));
            statement.setArray(p++, connection.createArrayOf("uuid", eventIds));
            statement.setArray(p++, connection.createArrayOf("text", streamIds));
            statement.setArray(p++, connection.createArrayOf("text", categories));
            statement.setArray(p++, connection.createArrayOf("bigint", versions));
            statement.setArray(p++, connection.createArrayOf("text", types));
            statement.setArray(p++, connection.createArrayOf("integer", schemaVersions));
            statement.setArray(p++, connection.createArrayOf("text", payloads));
            statement.setArray(p++, connection.createArrayOf("text", correlationIds));
            statement.setArray(p++, connection.createArrayOf("text", causationIds));
            statement.setArray(p++, connection.createArrayOf("text", actors));
            statement.setArray(p++, connection.createArrayOf("text", traceParents));
            statement.setArray(p++, connection.createArrayOf("text", extras));
            statement.setArray(p++, connection.createArrayOf("text", streamRows));
            statement.setArray(p++, connection.createArrayOf("bigint", streamVersions));
            statement.setArray(p, connection.createArrayOf("bigint", truncated));
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1) == 1;
            }
        }
    }

    @Override
    void beginExclusive(Connection connection) throws SQLException {
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate(sql.get("bump_revision"));
        }
    }

    /** An ordinary, durable transaction: {@code synchronous_commit=off} for derived writes measured no faster. */
    @Override
    void beginDerivedWrite(Connection connection) throws SQLException {
        connection.setAutoCommit(false);
    }

    @Override
    void beginDurableWrite(Connection connection) throws SQLException {
        connection.setAutoCommit(false);
    }

    @Override
    void commit(Connection connection) throws SQLException {
        connection.commit();
        connection.setAutoCommit(true);
    }

    @Override
    void rollback(Connection connection) {
        try {
            connection.rollback();
            connection.setAutoCommit(true);
        } catch (SQLException ignored) {
            // the connection is broken; the pool discards it and the transaction is rolled back by the server
        }
    }

    @Override
    void bindUuid(PreparedStatement statement, int index, UUID value) throws SQLException {
        statement.setObject(index, value);
    }

    @Override
    UUID readUuid(ResultSet rs, int index) throws SQLException {
        return rs.getObject(index, UUID.class);
    }

    @Override
    void bindInstant(PreparedStatement statement, int index, Instant value) throws SQLException {
        statement.setObject(index, OffsetDateTime.ofInstant(value, ZoneOffset.UTC));
    }

    @Override
    Instant readInstant(ResultSet rs, int index) throws SQLException {
        return rs.getObject(index, OffsetDateTime.class).toInstant();
    }

    @Override
    void bindStrings(Connection connection, PreparedStatement statement, int index, Collection<String> values)
            throws SQLException {
        statement.setArray(index, connection.createArrayOf("text", values.toArray()));
    }
}
