package dev.ordo.bench;

import dev.ordo.core.event.EventData;
import dev.ordo.core.event.StreamId;
import dev.ordo.core.store.ExpectedVersion;
import dev.ordo.jdbc.JdbcEventStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Appends through Ordo against plain JDBC inserts of identical rows, on the same database, in the same run, in
 * alternating rounds: 1 event per append with 1, 4 and 16 writers (the raw baseline commits once per row, as a
 * hand-written DAO in autocommit mode does), and 100-event appends (raw: one JDBC batch of 100 in one
 * transaction). Reports the median events/s of the rounds and the ratio.
 */
final class AppendBench {

    private final Backend backend;
    private final double warmup;
    private final double seconds;
    private final int rounds;
    private final AtomicLong rawPosition = new AtomicLong();

    AppendBench(Backend backend, double warmup, double seconds, int rounds) {
        this.backend = backend;
        this.warmup = warmup;
        this.seconds = seconds;
        this.rounds = rounds;
    }

    List<String> run() throws Exception {
        List<String> rows = new ArrayList<>();
        try (JdbcEventStore store = JdbcEventStore.create(backend.database)) {
            for (int writers : new int[] {1, 4, 16}) {
                rows.add(compare("1 event per append", writers, 1, store));
            }
            rows.add(compare("100-event appends", 1, 100, store));
            rows.add(compare("100-event appends", 4, 100, store));
        }
        return rows;
    }

    private String compare(String scenario, int writers, int eventsPerAppend, JdbcEventStore store) throws Exception {
        List<Double> ordo = new ArrayList<>();
        List<Double> raw = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            ordo.add(Measure.eventsPerSecond(writers, warmup, seconds, t -> ordoWorker(store, eventsPerAppend)));
            raw.add(Measure.eventsPerSecond(writers, warmup, seconds, t -> rawWorker(eventsPerAppend)));
        }
        double o = Measure.median(ordo);
        double r = Measure.median(raw);
        String row = String.format(Locale.ROOT, "| %s | %s | %d | %,.0f | %,.0f | %.2f |",
                backend.name, scenario, writers, o, r, o / r);
        System.out.println(row);
        return row;
    }

    private Measure.Worker ordoWorker(JdbcEventStore store, int eventsPerAppend) {
        StreamId stream = StreamId.of("bench", UUID.randomUUID());
        AtomicLong n = new AtomicLong();
        return () -> {
            List<EventData> events = new ArrayList<>(eventsPerAppend);
            for (int i = 0; i < eventsPerAppend; i++) {
                events.add(BenchEvents.event(n.incrementAndGet()));
            }
            store.append(stream, ExpectedVersion.any(), events);
            return eventsPerAppend;
        };
    }

    private Measure.Worker rawWorker(int eventsPerAppend) throws Exception {
        Connection connection = backend.rawConnection();
        PreparedStatement insert = connection.prepareStatement(backend.insertSql());
        String stream = "bench-" + UUID.randomUUID();
        connection.setAutoCommit(eventsPerAppend == 1);
        AtomicLong version = new AtomicLong();
        return new RawWorker(connection, insert) {
            @Override
            public long step() throws Exception {
                for (int i = 0; i < eventsPerAppend; i++) {
                    long v = version.incrementAndGet();
                    backend.bindRow(insert, rawPosition.incrementAndGet(), stream, v, BenchEvents.event(v));
                    if (eventsPerAppend == 1) {
                        insert.executeUpdate();
                    } else {
                        insert.addBatch();
                    }
                }
                if (eventsPerAppend > 1) {
                    insert.executeBatch();
                    connection.commit();
                }
                return eventsPerAppend;
            }
        };
    }

    /** A raw worker that owns its connection. */
    private abstract static class RawWorker implements Measure.Worker, AutoCloseable {
        private final Connection connection;
        private final PreparedStatement statement;

        RawWorker(Connection connection, PreparedStatement statement) {
            this.connection = connection;
            this.statement = statement;
        }

        @Override
        public void close() throws Exception {
            statement.close();
            connection.close();
        }
    }
}
