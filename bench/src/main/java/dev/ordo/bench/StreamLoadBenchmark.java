package dev.ordo.bench;

import dev.ordo.bench.BenchEvents.AddItem;
import dev.ordo.bench.BenchEvents.Cart;
import dev.ordo.bench.BenchEvents.CartEvent;
import dev.ordo.core.command.Loaded;
import dev.ordo.core.command.StateLoader;
import dev.ordo.core.event.EventData;
import dev.ordo.core.event.StreamId;
import dev.ordo.core.snapshot.Snapshot;
import dev.ordo.core.store.ExpectedVersion;
import dev.ordo.jackson.JacksonStateCodec;
import dev.ordo.jdbc.JdbcEventStore;
import dev.ordo.jdbc.JdbcSnapshotStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Loading the state of a 10,000-event stream: folding every event, starting from a snapshot 50 events before the
 * end, and, as the raw baseline, a plain JDBC select of the same 10,000 rows (no JSON, no fold).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class StreamLoadBenchmark {

    static final int EVENTS = 10_000;

    @Param({"sqlite", "postgres"})
    public String backend;

    private Backend db;
    private JdbcEventStore store;
    private StateLoader<Cart, CartEvent> folding;
    private StateLoader<Cart, CartEvent> fromSnapshot;
    private final StreamId stream = StreamId.of("bench", "load");

    @Setup(Level.Trial)
    public void setUp() {
        db = Backend.open(backend);
        store = JdbcEventStore.create(db.database);
        for (int chunk = 0; chunk < EVENTS / 1_000; chunk++) {
            List<EventData> events = new ArrayList<>();
            for (int i = 0; i < 1_000; i++) {
                events.add(BenchEvents.event(chunk * 1_000L + i));
            }
            store.append(stream, ExpectedVersion.any(), events);
        }
        db.execute("INSERT INTO bench_events SELECT * FROM ordo_events");
        JacksonStateCodec<Cart> codec = JacksonStateCodec.of(Cart.class, 1);
        JdbcSnapshotStore snapshots = JdbcSnapshotStore.create(db.database);
        folding = new StateLoader<>(BenchEvents.DECIDER, store, BenchEvents.SERIALIZER, CartEvent.class, null, null);
        Loaded<Cart> early = folding.loadAt(stream, EVENTS - 50).orElseThrow();
        snapshots.save(new Snapshot(stream, early.version(), 1, codec.encode(early.state()), Instant.now()));
        fromSnapshot = new StateLoader<>(BenchEvents.DECIDER, store, BenchEvents.SERIALIZER, CartEvent.class,
                snapshots, codec);
        if (!fromSnapshot.load(stream).state().equals(folding.load(stream).state())) {
            throw new IllegalStateException("snapshot load and full fold disagree");
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        store.close();
        db.close();
    }

    @Benchmark
    public Loaded<Cart> loadWithoutSnapshot() {
        return folding.load(stream);
    }

    @Benchmark
    public Loaded<Cart> loadWithSnapshot() {
        return fromSnapshot.load(stream);
    }

    @Benchmark
    public void rawSelectOfTheSameRows(Blackhole hole) throws Exception {
        String payload = db.isSqlite() ? "payload" : "payload::text";
        try (Connection connection = db.readDataSource().getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT position, event_id, stream_version, "
                     + "event_type, schema_version, " + payload + ", correlation_id, recorded_at FROM bench_events "
                     + "WHERE stream_id = ? ORDER BY stream_version")) {
            select.setFetchSize(1_000);
            select.setString(1, stream.value());
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    hole.consume(rs.getLong(1));
                    hole.consume(rs.getObject(2));
                    hole.consume(rs.getLong(3));
                    hole.consume(rs.getString(4));
                    hole.consume(rs.getInt(5));
                    hole.consume(rs.getString(6));
                    hole.consume(rs.getString(7));
                    hole.consume(rs.getObject(8));
                }
            }
        }
    }

    /** Keeps the decider's command type referenced for readers of this benchmark. */
    static AddItem sampleCommand() {
        return new AddItem("sku");
    }
}
