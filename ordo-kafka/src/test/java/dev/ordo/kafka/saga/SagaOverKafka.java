package dev.ordo.kafka.saga;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ordo.core.event.EventMetadata;
import dev.ordo.core.saga.SagaStatus;
import dev.ordo.jackson.JacksonStateCodec;
import dev.ordo.jdbc.JdbcEventStore;
import dev.ordo.jdbc.JdbcSagaIndex;
import dev.ordo.jdbc.OrdoDatabase;
import dev.ordo.jdbc.OrdoDatabase.Writes;
import dev.ordo.saga.RemoteCall;
import dev.ordo.saga.SagaDefinition;
import dev.ordo.saga.SagaEngine;
import dev.ordo.saga.SagaState;
import dev.ordo.saga.SagaStep;
import dev.ordo.saga.StepChannel;
import dev.ordo.saga.StepReply;
import dev.ordo.saga.StepRequest;
import dev.ordo.test.kafka.KafkaHarness;
import org.apache.kafka.clients.CommonClientConfigs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/**
 * An order saga of two remote steps (reserve stock, then book a shipment; each compensated in the saga's process,
 * or the reservation released by a request to the participant after {@link #releaseStockOverKafka()}) whose participant runs behind a {@link StepParticipantEndpoint} with its own SQLite database, over the shared
 * broker, with topics of its own. The saga side (store, index, channel, engine, reply listener) can be stopped and
 * started again on the same database, as a process restart would.
 */
final class SagaOverKafka implements AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(25);

    record Order(String order, String reservation, String tracking) {
    }

    record ReserveStock(String order, int quantity) {
    }

    record Reservation(String id) {
    }

    record ReleaseStock(String order, String reservation) {
    }

    record BookShipment(String order) {
    }

    record Booking(String tracking) {
    }

    static final StepMessageTypes TYPES = StepMessageTypes.builder()
            .register("stock.reserve.v1", ReserveStock.class)
            .register("stock.reservation.v1", Reservation.class)
            .register("stock.release.v1", ReleaseStock.class)
            .register("shipping.book.v1", BookShipment.class)
            .register("shipping.booking.v1", Booking.class)
            .build();

    final String stockTopic;
    final String shipmentTopic;
    final String replyTopic;
    final List<String> compensations = new CopyOnWriteArrayList<>();
    /** Per invocation id, how many replies were delivered to the engine and how many it recorded. */
    final Map<String, AtomicInteger> delivered = new ConcurrentHashMap<>();
    final Map<String, AtomicInteger> recorded = new ConcurrentHashMap<>();
    final List<StepRequest> sent = new CopyOnWriteArrayList<>();
    /** How many of the next sends go to a broker that is not there (and fail) before sends reach the real one. */
    final AtomicInteger sendsToNowhere = new AtomicInteger();
    final OrdoDatabase participantDb;

    private final Path folder;
    private final Duration deadline;
    private boolean releaseOverKafka;
    private OrdoDatabase sagaDb;
    private JdbcEventStore store;
    private KafkaStepChannel channel;
    private KafkaStepChannel nowhere;
    private SagaDefinition<Order> definition;
    private SagaEngine engine;
    private KafkaReplyListener listener;

    /** Saga and participant on SQLite files of their own. */
    SagaOverKafka(Path folder, Duration deadline) {
        this(folder, deadline, OrdoDatabase.sqlite(folder.resolve("participant.db")));
    }

    /** The participant on the given database (closed with this), the saga on a SQLite file. */
    SagaOverKafka(Path folder, Duration deadline, OrdoDatabase participantDb) {
        this.folder = folder;
        this.deadline = deadline;
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        this.stockTopic = "stock-commands-" + suffix;
        this.shipmentTopic = "shipping-commands-" + suffix;
        this.replyTopic = "order-saga-replies-" + suffix;
        KafkaHarness.createTopic(stockTopic, 3);
        KafkaHarness.createTopic(shipmentTopic, 3);
        KafkaHarness.createTopic(replyTopic, 3);
        this.participantDb = participantDb;
        participantDb.inTransaction(Writes.DURABLE, connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE effects (invocation_id TEXT NOT NULL, what TEXT NOT NULL)");
                statement.execute("CREATE TABLE idempotent_effects (invocation_id TEXT PRIMARY KEY, what TEXT)");
            }
            return null;
        });
    }

    /** Client properties naming a port where no broker listens. */
    static Properties nowhere() {
        Properties properties = new Properties();
        try (ServerSocket closed = new ServerSocket(0)) {
            properties.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, "localhost:" + closed.getLocalPort());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    static Properties client() {
        return KafkaHarness.cluster().clientProperties();
    }

    /** Starts (or starts again, on the same database) the saga's process; returns how many sagas it resumed. */
    int startSagaSide() {
        sagaDb = OrdoDatabase.sqlite(folder.resolve("saga.db"));
        store = JdbcEventStore.create(sagaDb);
        channel = KafkaStepChannel.builder(client(), TYPES, replyTopic)
                .commandTopic(ReserveStock.class, stockTopic)
                .commandTopic(ReleaseStock.class, stockTopic)
                .commandTopic(BookShipment.class, shipmentTopic)
                .sendTimeout(Duration.ofSeconds(5))
                .build();
        nowhere = KafkaStepChannel.builder(nowhere(), TYPES, replyTopic)
                .commandTopic(ReserveStock.class, stockTopic)
                .commandTopic(ReleaseStock.class, stockTopic)
                .commandTopic(BookShipment.class, shipmentTopic)
                .sendTimeout(Duration.ofMillis(300))
                .build();
        StepChannel counting = request -> {
            if (sendsToNowhere.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                nowhere.send(request);
            }
            channel.send(request);
            sent.add(request);
        };
        definition = definition(counting);
        engine = SagaEngine.builder(store, JdbcSagaIndex.create(sagaDb)).register(definition)
                .pollInterval(Duration.ofMillis(50)).transientBackoff(Duration.ofMillis(20), Duration.ofMillis(200))
                .build();
        SagaEngine current = engine;
        listener = KafkaReplyListener.start(client(), "order-saga-" + replyTopic, replyTopic, TYPES, reply -> {
            delivered.computeIfAbsent(reply.invocationId(), id -> new AtomicInteger()).incrementAndGet();
            if (current.reply(reply)) {
                recorded.computeIfAbsent(reply.invocationId(), id -> new AtomicInteger()).incrementAndGet();
            }
        }, Duration.ofMillis(200));
        return engine.resumeUnfinished();
    }

    /** The saga's process dies: nothing more is sent, recorded or committed. */
    void stopSagaSide() {
        if (engine == null) {
            return;
        }
        listener.close();
        engine.shutdown(Duration.ZERO);
        channel.close();
        nowhere.close();
        store.close();
        sagaDb.close();
        engine = null;
    }

    /** From the next start of the saga side on, the reservation is released by a request to the participant. */
    void releaseStockOverKafka() {
        releaseOverKafka = true;
    }

    private SagaDefinition<Order> definition(StepChannel steps) {
        SagaStep.Builder<Order> reserve = SagaStep.<Order>named("reserve-stock")
                .call(new RemoteCall<>(steps, context -> new ReserveStock(context.data().order(), 2),
                        Reservation.class, (order, reservation) -> new Order(order.order(), reservation.id(),
                        order.tracking()), deadline));
        if (releaseOverKafka) {
            reserve.compensationCall(RemoteCall.withoutResult(steps, context -> new ReleaseStock(
                    context.data().order(), context.data().reservation()), deadline));
        } else {
            reserve.compensation(context -> {
                compensations.add("release-stock:" + context.data().order());
                return null;
            });
        }
        return SagaDefinition.builder("order-over-kafka", JacksonStateCodec.of(Order.class, 1))
                .step(reserve.build())
                .step(SagaStep.<Order>named("book-shipment")
                        .call(new RemoteCall<>(steps, context -> new BookShipment(context.data().order()),
                                Booking.class, (order, booking) -> new Order(order.order(), order.reservation(),
                                booking.tracking()), deadline))
                        .compensation(context -> {
                            compensations.add("cancel-shipment:" + context.data().order());
                            return null;
                        })
                        .build())
                .build();
    }

    SagaEngine engine() {
        return engine;
    }

    UUID start(String order) {
        UUID id = UUID.randomUUID();
        engine.start(definition, id, new Order(order, null, null), EventMetadata.empty());
        return id;
    }

    SagaState await(UUID id) throws InterruptedException {
        return engine.await(id, WAIT, SagaStatus.COMPLETED, SagaStatus.COMPENSATED, SagaStatus.PARKED);
    }

    /**
     * An endpoint for both command topics whose handlers record each effect in the inbox's transaction (a release of
     * stock too).
     */
    StepParticipantEndpoint.Builder transactionalParticipant() {
        return stockParticipant()
                .handle(BookShipment.class, (payload, request, connection) -> {
                    effect(connection, request, "book");
                    return new Booking("T-" + payload.order());
                });
    }

    /** Like {@link #transactionalParticipant()}, but every booking of a shipment is refused (its writes rolled back). */
    StepParticipantEndpoint.Builder refusingShipmentsParticipant() {
        return stockParticipant()
                .handle(BookShipment.class, (payload, request, connection) -> {
                    effect(connection, request, "book");
                    throw new IllegalStateException("no carrier serves " + payload.order());
                });
    }

    private StepParticipantEndpoint.Builder stockParticipant() {
        return StepParticipantEndpoint.builder(client(), "warehouse", participantDb, TYPES)
                .commandTopics(stockTopic, shipmentTopic)
                .maxBackoff(Duration.ofMillis(200))
                .handle(ReserveStock.class, (payload, request, connection) -> {
                    effect(connection, request, "reserve");
                    return new Reservation("r-" + payload.order());
                })
                .handle(ReleaseStock.class, (payload, request, connection) -> {
                    effect(connection, request, "release " + payload.reservation());
                    return null;
                });
    }

    static void effect(Connection connection, StepRequest request, String what) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO effects (invocation_id, what) VALUES (?, ?)")) {
            insert.setString(1, request.invocationId());
            insert.setString(2, what);
            insert.executeUpdate();
        }
    }

    /** An effect outside the inbox's transaction, idempotent by the invocation id as its key. */
    void idempotentEffect(StepRequest request, String what) {
        participantDb.inTransaction(Writes.DURABLE, connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO idempotent_effects "
                    + "(invocation_id, what) VALUES (?, ?) ON CONFLICT (invocation_id) DO NOTHING")) {
                insert.setString(1, request.invocationId());
                insert.setString(2, what);
                return insert.executeUpdate();
            }
        });
    }

    /** How many times each invocation's effect is in the participant's database (both effect tables). */
    Map<String, Integer> effectsPerInvocation() {
        return participantDb.inTransaction(Writes.DERIVED, connection -> {
            Map<String, Integer> counts = new HashMap<>();
            for (String table : List.of("effects", "idempotent_effects")) {
                try (Statement statement = connection.createStatement();
                     ResultSet rows = statement.executeQuery(
                             "SELECT invocation_id, COUNT(*) FROM " + table + " GROUP BY invocation_id")) {
                    while (rows.next()) {
                        counts.merge(rows.getString(1), rows.getInt(2), Integer::sum);
                    }
                }
            }
            return counts;
        });
    }

    /** What the participant's transactional effects for the invocation were, in no particular order. */
    List<String> effectsOf(String invocationId) {
        return participantDb.inTransaction(Writes.DERIVED, connection -> {
            List<String> effects = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT what FROM effects WHERE invocation_id = ?")) {
                select.setString(1, invocationId);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        effects.add(rows.getString(1));
                    }
                }
            }
            return effects;
        });
    }

    /** How many replies the participant's inbox stores. */
    int storedReplies() {
        return participantDb.inTransaction(Writes.DERIVED, connection -> {
            try (Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM ordo_step_inbox")) {
                rows.next();
                return rows.getInt(1);
            }
        });
    }

    int delivered(String invocationId) {
        AtomicInteger count = delivered.get(invocationId);
        return count == null ? 0 : count.get();
    }

    int recorded(String invocationId) {
        AtomicInteger count = recorded.get(invocationId);
        return count == null ? 0 : count.get();
    }

    static UnaryOperator<String> invocation(UUID sagaId) {
        return step -> sagaId + ":" + step;
    }

    void assertCompleted(SagaState state, String order) {
        assertThat(state.status()).as("saga of %s: %s", order, state.failure()).isEqualTo(SagaStatus.COMPLETED);
        assertThat(state.data()).contains("\"r-" + order + "\"").contains("\"T-" + order + "\"");
    }

    @Override
    public void close() {
        stopSagaSide();
        participantDb.close();
    }
}
