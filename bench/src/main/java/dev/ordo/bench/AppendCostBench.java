package dev.ordo.bench;

import dev.ordo.core.event.EventData;
import dev.ordo.core.event.StreamId;
import dev.ordo.core.store.ExpectedVersion;
import dev.ordo.jdbc.JdbcEventStore;
import dev.ordo.jdbc.OrdoDatabase;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Where a lone PostgreSQL writer's time goes, one cost at a time, in one run with alternating rounds: the raw
 * autocommitted {@code INSERT} (the baseline of {@code appends}); Ordo's own append statement (the head row's update,
 * the events' insert from arrays, the stream row's upsert) run directly by the caller on copies of Ordo's tables,
 * without and with its {@code pg_notify}; and the append through {@link JdbcEventStore}, which adds Ordo's Java
 * (the hand-off to the writer thread, planning, binding). Each variant is one statement in autocommit, as Ordo's
 * lone writer on its known state is.
 */
final class AppendCostBench {

    private final Backend backend;
    private final double warmup;
    private final double seconds;
    private final int rounds;
    private final String appendSql;
    private final AtomicLong rawPosition = new AtomicLong(1L << 40);

    AppendCostBench(Backend backend, double warmup, double seconds, int rounds) {
        if (backend.isSqlite()) {
            throw new IllegalArgumentException("append-costs measures the PostgreSQL append statement only");
        }
        this.backend = backend;
        this.warmup = warmup;
        this.seconds = seconds;
        this.rounds = rounds;
        backend.execute("CREATE TABLE bench_head (LIKE ordo_head INCLUDING ALL)");
        backend.execute("INSERT INTO bench_head (id, position, revision) VALUES (1, 0, 0)");
        backend.execute("CREATE TABLE bench_streams (LIKE ordo_streams INCLUDING ALL)");
        this.appendSql = ordoAppendStatement().replace("ordo_head", "bench_head").replace("ordo_streams", "bench_streams")
                .replace("ordo_events", "bench_events");
    }

    List<String> run() throws Exception {
        Map<String, List<Double>> results = new LinkedHashMap<>();
        try (JdbcEventStore store = JdbcEventStore.create(backend.database)) {
            for (int round = 0; round < rounds; round++) {
                measure(results, "raw INSERT (autocommit)", t -> rawInsert());
                measure(results, "Ordo's statement, no notify", t -> ordoStatement(false));
                measure(results, "Ordo's statement with pg_notify", t -> ordoStatement(true));
                measure(results, "JdbcEventStore.append", t -> ordoAppend(store));
            }
        }
        double baseline = Measure.median(results.values().iterator().next());
        List<String> rows = new ArrayList<>();
        results.forEach((variant, values) -> {
            double perSecond = Measure.median(values);
            String row = String.format(Locale.ROOT, "| postgres | %s | 1 | %,.0f | %.2f | %.0f |", variant, perSecond,
                    perSecond / baseline, 1_000_000 / perSecond);
            System.out.println(row);
            rows.add(row);
        });
        return rows;
    }

    private void measure(Map<String, List<Double>> results, String variant, Measure.WorkerFactory factory)
            throws Exception {
        results.computeIfAbsent(variant, v -> new ArrayList<>()).add(Measure.eventsPerSecond(1, warmup, seconds,
                factory));
    }

    private Measure.Worker ordoAppend(JdbcEventStore store) {
        StreamId stream = StreamId.of("bench", UUID.randomUUID());
        AtomicLong n = new AtomicLong();
        return () -> {
            store.append(stream, ExpectedVersion.any(), List.of(BenchEvents.event(n.incrementAndGet())));
            return 1;
        };
    }

    private Measure.Worker rawInsert() throws SQLException {
        Connection connection = backend.rawConnection();
        connection.setAutoCommit(true);
        PreparedStatement insert = connection.prepareStatement(backend.insertSql());
        String stream = "bench-" + UUID.randomUUID();
        AtomicLong version = new AtomicLong();
        return new Closing(connection, () -> {
            long v = version.incrementAndGet();
            backend.bindRow(insert, rawPosition.incrementAndGet(), stream, v, BenchEvents.event(v));
            insert.executeUpdate();
            return 1;
        });
    }

    /** Ordo's append statement, bound as Ordo binds it, for one event on the caller's own stream. */
    private Measure.Worker ordoStatement(boolean notify) throws SQLException {
        Connection connection = backend.rawConnection();
        connection.setAutoCommit(true);
        String sql = notify ? appendSql : appendSql.replace("pg_notify('bench_events', position::text)", "1");
        PreparedStatement statement = connection.prepareStatement(sql);
        String stream = "bench-" + UUID.randomUUID();
        long[] head = readHead(connection);
        AtomicLong version = new AtomicLong();
        return new Closing(connection, () -> {
            long v = version.incrementAndGet();
            EventData event = BenchEvents.event(v);
            long position = head[0] + 1;
            int p = 1;
            statement.setString(p++, "5000");
            statement.setLong(p++, position);
            statement.setLong(p++, head[1]);
            statement.setObject(p++, OffsetDateTime.ofInstant(Instant.now(), ZoneOffset.UTC));
            statement.setArray(p++, connection.createArrayOf("bigint", new Long[] {position}));
            statement.setArray(p++, connection.createArrayOf("uuid", new Object[] {event.eventId()}));
            statement.setArray(p++, connection.createArrayOf("text", new String[] {stream}));
            statement.setArray(p++, connection.createArrayOf("text", new String[] {"bench"}));
            statement.setArray(p++, connection.createArrayOf("bigint", new Long[] {v}));
            statement.setArray(p++, connection.createArrayOf("text", new String[] {event.eventType()}));
            statement.setArray(p++, connection.createArrayOf("integer", new Integer[] {event.schemaVersion()}));
            statement.setArray(p++, connection.createArrayOf("text", new String[] {event.payload()}));
            statement.setArray(p++, connection.createArrayOf("text", new String[] {event.metadata().correlationId()}));
            for (int i = 0; i < 4; i++) {
                statement.setArray(p++, connection.createArrayOf("text", new String[] {null}));
            }
            statement.setArray(p++, connection.createArrayOf("text", new String[] {stream}));
            statement.setArray(p++, connection.createArrayOf("bigint", new Long[] {v}));
            statement.setArray(p, connection.createArrayOf("bigint", new Long[] {0L}));
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                if (rs.getLong(1) != 1) {
                    throw new IllegalStateException("the bench head moved under its only writer");
                }
            }
            head[0] = position;
            head[1]++;
            return 1;
        });
    }

    private static long[] readHead(Connection connection) throws SQLException {
        try (PreparedStatement read = connection.prepareStatement("SELECT position, revision FROM bench_head");
             ResultSet rs = read.executeQuery()) {
            rs.next();
            return new long[] {rs.getLong(1), rs.getLong(2)};
        }
    }

    /** The text of Ordo's PostgreSQL append statement, as the store runs it. */
    private static String ordoAppendStatement() {
        try (InputStream in = OrdoDatabase.class.getResourceAsStream("/dev/ordo/jdbc/sql/postgresql.sql")) {
            String all = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int start = all.indexOf("-- name: append\n");
            int end = all.indexOf("-- name: ", start + 1);
            return all.substring(start, end).lines().filter(line -> !line.startsWith("--"))
                    .reduce("", (a, b) -> a + b + "\n").trim().replaceAll(";$", "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A worker that owns its connection. */
    private record Closing(Connection connection, Measure.Worker work) implements Measure.Worker, AutoCloseable {

        @Override
        public long step() throws Exception {
            return work.step();
        }

        @Override
        public void close() throws SQLException {
            connection.close();
        }
    }
}
