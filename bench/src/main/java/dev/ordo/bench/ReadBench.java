package dev.ordo.bench;

import dev.ordo.core.event.EventData;
import dev.ordo.core.event.RecordedEvent;
import dev.ordo.core.event.StreamId;
import dev.ordo.core.store.ExpectedVersion;
import dev.ordo.jdbc.JdbcEventStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads {@code $all} from position 1 to the end in pages of 1,000 through Ordo, against a plain JDBC select of
 * the identical rows (copied into bench_events) with the same SQL, reading every column. Alternating rounds;
 * reports the median events/s and the ratio.
 */
final class ReadBench {

    private static final int PAGE = 1_000;

    private final Backend backend;
    private final int events;
    private final int rounds;

    ReadBench(Backend backend, int events, int rounds) {
        this.backend = backend;
        this.events = events;
        this.rounds = rounds;
    }

    List<String> run() throws Exception {
        try (JdbcEventStore store = JdbcEventStore.create(backend.database)) {
            fill(store);
            List<Double> ordo = new ArrayList<>();
            List<Double> raw = new ArrayList<>();
            for (int round = 0; round < rounds + 1; round++) {
                double o = readOrdo(store);
                double r = readRaw();
                if (round > 0) {
                    ordo.add(o);
                    raw.add(r);
                }
            }
            double o = Measure.median(ordo);
            double r = Measure.median(raw);
            String row = String.format(Locale.ROOT, "| %s | read $all from 0, pages of %d, %,d events | %,.0f | %,.0f | %.2f |",
                    backend.name, PAGE, events, o, r, o / r);
            System.out.println(row);
            return List.of(row);
        }
    }

    private void fill(JdbcEventStore store) {
        long start = System.nanoTime();
        int perStream = 1_000;
        for (int s = 0; s < events / perStream; s++) {
            StreamId stream = StreamId.of("bench", "read-" + s);
            List<EventData> batch = new ArrayList<>(perStream);
            for (int i = 0; i < perStream; i++) {
                batch.add(BenchEvents.event(i));
            }
            store.append(stream, ExpectedVersion.noStream(), batch);
        }
        backend.execute("INSERT INTO bench_events SELECT * FROM ordo_events");
        System.err.printf(Locale.ROOT, "filled %,d events in %.1f s%n", events, (System.nanoTime() - start) / 1e9);
    }

    private double readOrdo(JdbcEventStore store) {
        long start = System.nanoTime();
        long next = 1;
        long count = 0;
        while (true) {
            List<RecordedEvent> page = store.readAll(next, PAGE);
            if (page.isEmpty()) {
                break;
            }
            count += page.size();
            next = page.getLast().position() + 1;
        }
        check(count);
        return count / ((System.nanoTime() - start) / 1e9);
    }

    private double readRaw() throws Exception {
        String payload = backend.isSqlite() ? "payload" : "payload::text";
        String extra = backend.isSqlite() ? "extra" : "extra::text";
        String sql = "SELECT position, event_id, stream_id, stream_version, event_type, schema_version, " + payload
                + ", correlation_id, causation_id, actor, trace_parent, " + extra + ", recorded_at"
                + " FROM bench_events WHERE position >= ? ORDER BY position LIMIT ?";
        long start = System.nanoTime();
        long count = 0;
        long checksum = 0;
        try (Connection connection = backend.readDataSource().getConnection();
             PreparedStatement select = connection.prepareStatement(sql)) {
            select.setFetchSize(PAGE);
            long next = 1;
            while (true) {
                select.setLong(1, next);
                select.setInt(2, PAGE);
                int rows = 0;
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        next = rs.getLong(1) + 1;
                        Object id = backend.isSqlite() ? rs.getBytes(2) : rs.getObject(2, java.util.UUID.class);
                        String stream = rs.getString(3);
                        long version = rs.getLong(4);
                        String type = rs.getString(5);
                        int schema = rs.getInt(6);
                        String body = rs.getString(7);
                        String correlation = rs.getString(8);
                        rs.getString(9);
                        rs.getString(10);
                        rs.getString(11);
                        rs.getString(12);
                        Object at = backend.isSqlite() ? rs.getLong(13) : rs.getObject(13, java.time.OffsetDateTime.class);
                        checksum += id.hashCode() + stream.length() + version + type.length() + schema + body.length()
                                + correlation.length() + at.hashCode();
                        rows++;
                    }
                }
                if (rows == 0) {
                    break;
                }
                count += rows;
            }
        }
        check(count);
        if (checksum == 42) {
            System.err.println("unlikely checksum");
        }
        return count / ((System.nanoTime() - start) / 1e9);
    }

    private void check(long count) {
        if (count != events) {
            throw new IllegalStateException("read " + count + " events, expected " + events);
        }
    }
}
