package dev.ordo.jdbc;

import dev.ordo.core.event.EventData;
import dev.ordo.core.event.RecordedEvent;
import dev.ordo.core.event.StreamId;
import dev.ordo.core.store.AppendResult;
import dev.ordo.core.store.AppendRules;
import dev.ordo.core.store.CommitNotifier;
import dev.ordo.core.store.EventFilter;
import dev.ordo.core.store.EventStore;
import dev.ordo.core.store.EventStoreUnavailableException;
import dev.ordo.core.store.ExpectedVersion;
import dev.ordo.core.store.ReadDirection;
import dev.ordo.core.store.ReadRules;
import dev.ordo.core.store.StoreLimits;
import dev.ordo.core.store.StreamDeletedException;
import dev.ordo.core.store.StreamInfo;
import dev.ordo.core.store.StreamStatus;
import dev.ordo.core.trace.EventTraces;
import dev.ordo.core.trace.TraceSpan;
import dev.ordo.core.trace.Tracing;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongConsumer;
import java.util.function.UnaryOperator;

/**
 * The {@link EventStore} on SQLite or PostgreSQL.
 *
 * <p>Appends go through one writer per store that commits concurrent appends together (group commit). Global
 * positions are assigned by that writer under the database's single head row, so they are gap-free and become
 * visible strictly in order: a reader of {@code $all} can never skip an event that commits later. Reads use
 * the read pool and never block writes. An append whose caller gives up is withdrawn before it is written or waited
 * for until its outcome is known ({@link dev.ordo.core.store.EventWriter#append}, {@code docs/adr/0015}). With a
 * {@link Tracing} ({@link Builder#tracing}), each append runs in a span named {@code append <category>} that continues
 * the trace of its events' metadata, and the events are written with that span's {@code traceparent}. Thread-safe.
 */
public final class JdbcEventStore implements EventStore, CommitNotifier {

    private final OrdoDatabase database;
    private final Dialect dialect;
    private final StoreLimits limits;
    private final GroupCommitWriter writer;
    private final Tracing tracing;
    /** The appends' span names by category, made once. */
    private final ConcurrentHashMap<String, String> spanNames = new ConcurrentHashMap<>();

    private JdbcEventStore(Builder builder) {
        this.database = builder.database;
        this.dialect = database.dialect();
        this.limits = builder.limits;
        this.tracing = builder.tracing;
        this.writer = new GroupCommitWriter(database.writeDataSource(), dialect, builder.clock, builder.maxBatchEvents,
                builder.appendTimeout);
    }

    /** A store with default limits over the database. */
    public static JdbcEventStore create(OrdoDatabase database) {
        return builder(database).build();
    }

    public static Builder builder(OrdoDatabase database) {
        return new Builder(database);
    }

    @Override
    public AppendResult append(StreamId stream, ExpectedVersion expected, List<EventData> events) {
        AppendRules.validate(stream, expected, events, limits);
        if (!tracing.enabled()) {
            return writer.append(stream, expected, events);
        }
        String name = spanNames.computeIfAbsent(stream.category(), category -> "append " + category);
        try (TraceSpan span = EventTraces.start(tracing, name, events, EventData::metadata)) {
            if (span.recording()) {
                span.tag("ordo.stream", stream.value()).tag("ordo.events", Integer.toString(events.size()));
            }
            try {
                return writer.append(stream, expected, EventTraces.stamped(events, span));
            } catch (RuntimeException | Error e) {
                span.error(e);
                throw e;
            }
        }
    }

    /**
     * Registers a listener called with the new head position after each commit of this store's writer that wrote
     * events. It runs on the writer thread: it must be quick and must not append. Commits of other processes are
     * not reported here; on PostgreSQL use {@link PostgresNotifications} for those.
     */
    @Override
    public void onCommit(LongConsumer listener) {
        writer.onCommit(Objects.requireNonNull(listener, "listener"));
    }

    /** How many appends wait in the writer's queue (some may have been withdrawn by their callers already). */
    int queuedAppends() {
        return writer.queued();
    }

    @Override
    public List<RecordedEvent> readStream(StreamId stream, ReadDirection direction, long fromVersion, int limit) {
        ReadRules.checkStreamRead(stream, direction, fromVersion, limit);
        String name = direction == ReadDirection.FORWARDS ? "read_stream_forwards" : "read_stream_backwards";
        try (Connection connection = database.readDataSource().getConnection()) {
            List<RecordedEvent> events = dialect.withStatement(connection, dialect.sql.get(name), statement -> {
                statement.setString(1, stream.value());
                statement.setLong(2, fromVersion);
                statement.setInt(3, limit);
                return readEvents(statement, limit);
            });
            if (events.isEmpty()) {
                StreamInfo info = dialect.streamInfo(connection, stream);
                if (info != null && info.status() == StreamStatus.TOMBSTONED) {
                    throw new StreamDeletedException(stream);
                }
            }
            return events;
        } catch (SQLException e) {
            throw SqlErrors.io("read stream " + stream, e);
        }
    }

    @Override
    public List<RecordedEvent> readAll(long fromPosition, int limit, EventFilter filter) {
        ReadRules.checkAllRead(fromPosition, limit, filter);
        String name;
        if (filter.isAll()) {
            name = "read_all";
        } else if (filter.eventTypes().isEmpty()) {
            name = "read_all_by_category";
        } else if (filter.categories().isEmpty()) {
            name = "read_all_by_type";
        } else {
            name = "read_all_by_category_and_type";
        }
        try (Connection connection = database.readDataSource().getConnection()) {
            return dialect.withStatement(connection, dialect.sql.get(name), statement -> {
                int p = 1;
                statement.setLong(p++, fromPosition);
                if (!filter.categories().isEmpty()) {
                    dialect.bindStrings(connection, statement, p++, filter.categories());
                }
                if (!filter.eventTypes().isEmpty()) {
                    dialect.bindStrings(connection, statement, p++, filter.eventTypes());
                }
                statement.setInt(p, limit);
                return readEvents(statement, limit);
            });
        } catch (SQLException e) {
            throw SqlErrors.io("read $all from position " + fromPosition, e);
        }
    }

    private List<RecordedEvent> readEvents(PreparedStatement statement, int limit) throws SQLException {
        statement.setFetchSize(Math.min(limit, 1_000));
        List<RecordedEvent> events = new ArrayList<>(Math.min(limit, 1_000));
        try (ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                events.add(dialect.readEvent(rs));
            }
        }
        return events;
    }

    @Override
    public Optional<StreamInfo> streamInfo(StreamId stream) {
        try (Connection connection = database.readDataSource().getConnection()) {
            return Optional.ofNullable(dialect.streamInfo(connection, stream));
        } catch (SQLException e) {
            throw SqlErrors.io("read the state of stream " + stream, e);
        }
    }

    @Override
    public long headPosition() {
        try (Connection connection = database.readDataSource().getConnection()) {
            return dialect.withStatement(connection, dialect.sql.get("head_position"), statement -> {
                try (ResultSet rs = statement.executeQuery()) {
                    return rs.next() ? rs.getLong(1) : 0L;
                }
            });
        } catch (SQLException e) {
            throw SqlErrors.io("read the head position", e);
        }
    }

    @Override
    public void softDelete(StreamId stream, ExpectedVersion expected) {
        changeStream("soft-delete", stream, expected, false,
                info -> new StreamInfo(stream, info.version(), StreamStatus.SOFT_DELETED, info.version() + 1));
    }

    @Override
    public void tombstone(StreamId stream, ExpectedVersion expected) {
        changeStream("tombstone", stream, expected, true,
                info -> new StreamInfo(stream, info.version(), StreamStatus.TOMBSTONED, info.truncatedBefore()));
    }

    @Override
    public void truncateBefore(StreamId stream, long beforeVersion) {
        if (beforeVersion < 1) {
            throw new IllegalArgumentException("truncation point must be 1 or more, was " + beforeVersion);
        }
        changeStream("truncate", stream, ExpectedVersion.any(), false, info -> new StreamInfo(stream, info.version(),
                info.status(), Math.max(info.truncatedBefore(), beforeVersion)));
    }

    private void changeStream(String what, StreamId stream, ExpectedVersion expected, boolean createIfMissing,
                              UnaryOperator<StreamInfo> change) {
        if (stream == null || expected == null) {
            throw new IllegalArgumentException("a stream id and an expected version are required");
        }
        try {
            database.transaction(OrdoDatabase.Writes.EXCLUSIVE, connection -> {
                StreamInfo current = dialect.streamInfo(connection, stream);
                AppendRules.checkExpectedVersion(stream, expected, current);
                if (current != null || createIfMissing) {
                    StreamInfo next = change.apply(current != null ? current
                            : new StreamInfo(stream, 0, StreamStatus.ACTIVE, 1));
                    try (PreparedStatement upsert = connection.prepareStatement(dialect.sql.get("upsert_stream"))) {
                        upsert.setString(1, stream.value());
                        upsert.setLong(2, next.version());
                        upsert.setInt(3, next.status().ordinal());
                        upsert.setLong(4, next.truncatedBefore());
                        upsert.executeUpdate();
                    }
                }
                return null;
            });
        } catch (SQLException e) {
            throw SqlErrors.io(what + " stream " + stream, e);
        }
    }

    /** Stops the writer after it has written what is queued; the database stays open. Idempotent. */
    @Override
    public void close() {
        writer.close();
    }

    /** Configures a {@link JdbcEventStore}; not thread-safe. */
    public static final class Builder {

        private final OrdoDatabase database;
        private StoreLimits limits = StoreLimits.defaults();
        private Clock clock = Clock.systemUTC();
        private int maxBatchEvents = 2_000;
        private Duration appendTimeout = Duration.ofSeconds(30);
        private Tracing tracing = Tracing.none();

        private Builder(OrdoDatabase database) {
            this.database = Objects.requireNonNull(database, "database");
        }

        public Builder limits(StoreLimits limits) {
            this.limits = Objects.requireNonNull(limits, "limits");
            return this;
        }

        /** The clock that stamps {@code recordedAt}. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** The most events one group commit writes; a single larger append still gets its own commit. */
        public Builder maxBatchEvents(int maxBatchEvents) {
            if (maxBatchEvents < 1) {
                throw new IllegalArgumentException("maxBatchEvents must be positive, was " + maxBatchEvents);
            }
            this.maxBatchEvents = maxBatchEvents;
            return this;
        }

        /**
         * How long an append may wait in the writer's queue (default 30 s). An append still queued when this runs
         * out is withdrawn, never written, and its caller gets {@link EventStoreUnavailableException#notWritten}; an
         * append the writer has taken is waited for until its outcome is known, which the writer's bounded database
         * work ({@link PostgresOptions}, {@link SqliteOptions#busyTimeout()}, the pool's connection timeout) keeps short.
         */
        public Builder appendTimeout(Duration appendTimeout) {
            this.appendTimeout = Objects.requireNonNull(appendTimeout, "appendTimeout");
            return this;
        }

        /**
         * Where the appends' spans go (default {@link Tracing#none()}: no spans, the events are written with the
         * metadata they came with).
         */
        public Builder tracing(Tracing tracing) {
            this.tracing = Objects.requireNonNull(tracing, "tracing");
            return this;
        }

        public JdbcEventStore build() {
            return new JdbcEventStore(this);
        }
    }
}
