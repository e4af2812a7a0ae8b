package dev.ordo.kafka.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ordo.core.bus.command.SimpleCommandBus;
import dev.ordo.core.event.EventData;
import dev.ordo.core.event.EventMetadata;
import dev.ordo.core.event.EventTypeRegistry;
import dev.ordo.core.event.Envelope;
import dev.ordo.core.event.RecordedEvent;
import dev.ordo.core.event.StreamId;
import dev.ordo.core.store.EventFilter;
import dev.ordo.core.store.EventReader;
import dev.ordo.core.store.ExpectedVersion;
import dev.ordo.core.trace.Tracing;
import dev.ordo.jackson.JacksonEventSerializer;
import dev.ordo.jdbc.JdbcEventStore;
import dev.ordo.jdbc.OrdoDatabase;
import dev.ordo.saga.ProcessManager;
import dev.ordo.test.faults.SimulatedCrash;
import dev.ordo.test.kafka.KafkaHarness;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A process manager written for store subscriptions, run on a Kafka subscription: its commands land in an event store
 * of the consuming side's SQLite database (the one the inbox uses, so the reaction must not hold its writer).
 */
class KafkaProcessManagerIntegrationTests {

    @TempDir
    Path folder;

    private OrdoDatabase consumerDb;
    private JdbcEventStore acknowledgements;
    private final List<AutoCloseable> closing = new ArrayList<>();
    private final ConcurrentLinkedQueue<UUID> dispatched = new ConcurrentLinkedQueue<>();

    /** The consumer's view of a ledger event. */
    record Booked(long amount) {
    }

    /** The command the process manager gives for each booking. */
    record Acknowledge(String ledger, long amount) {
    }

    /** Acknowledges every booking of a positive amount; pure, as the store's runner requires. */
    static final class Acknowledger implements ProcessManager<Booked> {
        @Override
        public String name() {
            return "acknowledger";
        }

        @Override
        public EventFilter filter() {
            return EventFilter.categories("ledger");
        }

        @Override
        public Class<Booked> eventType() {
            return Booked.class;
        }

        @Override
        public List<Object> react(Envelope<Booked> event) {
            return event.event().amount() > 0
                    ? List.of(new Acknowledge(event.recorded().streamId().value(), event.event().amount()))
                    : List.of();
        }
    }

    @BeforeEach
    void openTheConsumingSide() {
        consumerDb = OrdoDatabase.sqlite(folder.resolve("consumer.db"));
        acknowledgements = JdbcEventStore.create(consumerDb);
    }

    @AfterEach
    void closeEverything() throws Exception {
        for (AutoCloseable resource : closing.reversed()) {
            resource.close();
        }
        acknowledgements.close();
        consumerDb.close();
    }

    private <T extends AutoCloseable> T closeLater(T resource) {
        closing.add(resource);
        return resource;
    }

    /**
     * A bus whose one route appends the acknowledgement with an event id derived from the command's causation (the
     * event reacted to), so a repeated command is a repeated append of the same id: written once.
     */
    private SimpleCommandBus commands() {
        return SimpleCommandBus.builder()
                .middleware((message, next) -> {
                    dispatched.add(message.commandId());
                    return next.proceed(message);
                })
                .register(Acknowledge.class, (Acknowledge command, EventMetadata metadata) -> {
                    UUID id = UUID.nameUUIDFromBytes(("ack:" + metadata.causationId())
                            .getBytes(StandardCharsets.UTF_8));
                    return acknowledgements.append(StreamId.of("ack-" + command.ledger()), ExpectedVersion.any(),
                            List.of(new EventData(id, "ledger.acknowledged", 1, "{\"amount\":" + command.amount() + "}",
                                    metadata)));
                })
                .build();
    }

    private static KafkaSubscriptionConfig config(String group, String topic) {
        return KafkaSubscriptionConfig.of(group, KafkaHarness.bootstrapServers(), topic)
                .withMaxBackoff(Duration.ofMillis(200)).withKafka("max.poll.records", 7);
    }

    private static JacksonEventSerializer serializer() {
        return JacksonEventSerializer.of(EventTypeRegistry.builder().register(Booked.class, "ledger.booked", 1).build());
    }

    /** Per acknowledgement stream, the amounts in the order they were appended. */
    private Map<String, List<Long>> acknowledged() {
        Map<String, List<Long>> amounts = new TreeMap<>();
        for (RecordedEvent event : acknowledgements.readAll(1, EventReader.MAX_PAGE)) {
            amounts.computeIfAbsent(event.streamId().value(), s -> new ArrayList<>())
                    .add(Long.parseLong(event.payload().replaceAll("\\D", "")));
        }
        return amounts;
    }

    private static Map<String, List<Long>> expected(int streams, int perStream) {
        Map<String, List<Long>> amounts = new TreeMap<>();
        for (int stream = 0; stream < streams; stream++) {
            for (int i = 1; i <= perStream; i++) {
                amounts.computeIfAbsent("ack-ledger-" + stream, s -> new ArrayList<>()).add(stream * 100L + i);
            }
        }
        return amounts;
    }

    @Test
    void aProcessManagerWrittenForTheStoreGivesItsCommandsOncePerEventInStreamOrder() throws Exception {
        Ledger ledger = closeLater(new Ledger(folder, "ledger-pm", 3).relayed());
        for (int i = 1; i <= 6; i++) {
            for (int stream = 0; stream < 4; stream++) {
                ledger.append(stream, i == 6 ? 0 : stream * 100L + i);
            }
        }
        assertThat(ledger.awaitPublished(Duration.ofSeconds(30))).isTrue();

        KafkaSubscription subscription = closeLater(KafkaProcessManagers.start(config("acknowledger", ledger.topic),
                consumerDb, new Acknowledger(), serializer(), commands(), null, null));

        await().atMost(Duration.ofSeconds(30)).until(() -> subscription.status().applied() == 24);
        assertThat(acknowledged()).isEqualTo(expected(4, 5));
        assertThat(dispatched).hasSize(20).doesNotHaveDuplicates();
    }

    @Test
    void aCrashAfterTheCommandsBeforeTheInboxRecordsRepeatsTheSameCommandIdsAndTheirEffectHappensOnce()
            throws Exception {
        Ledger ledger = closeLater(new Ledger(folder, "ledger-pm-crash", 2).relayed());
        for (int i = 1; i <= 5; i++) {
            for (int stream = 0; stream < 3; stream++) {
                ledger.append(stream, stream * 100L + i);
            }
        }
        assertThat(ledger.awaitPublished(Duration.ofSeconds(30))).isTrue();
        AtomicBoolean crashed = new AtomicBoolean();
        KafkaSubscription.Faults crashOnce = new KafkaSubscription.Faults() {
            @Override
            public void afterDatabaseCommit() {
            }

            @Override
            public void afterReactions() {
                if (crashed.compareAndSet(false, true)) {
                    throw new SimulatedCrash("after the commands, before the inbox records the events");
                }
            }
        };
        KafkaSubscriptionConfig config = config("acknowledger-crash", ledger.topic);
        KafkaSubscription first = KafkaSubscription.startIdempotent(config, consumerDb,
                KafkaProcessManagers.handler(new Acknowledger(), serializer(), commands(), Tracing.none()), null, null,
                crashOnce);
        await().dontCatchUncaughtExceptions().atMost(Duration.ofSeconds(30))
                .until(() -> first.status().state() == KafkaSubscriptionStatus.State.STOPPED);
        assertThat(first.status().applied()).isZero();
        int dispatchedBeforeTheCrash = dispatched.size();
        assertThat(dispatchedBeforeTheCrash).isPositive();

        KafkaSubscription second = closeLater(KafkaProcessManagers.start(config, consumerDb, new Acknowledger(),
                serializer(), commands(), null, null));

        await().atMost(Duration.ofSeconds(30)).until(() -> second.status().applied() == 15);
        assertThat(acknowledged()).isEqualTo(expected(3, 5));
        assertThat(dispatched).hasSize(15 + dispatchedBeforeTheCrash);
        assertThat(dispatched.stream().distinct()).hasSize(15);
    }

    @Test
    void aRecordPublishedAgainIsARepeatThatTheProcessManagerDoesNotReactTo() throws Exception {
        Ledger ledger = closeLater(new Ledger(folder, "ledger-pm-again", 1).relayed());
        for (int i = 1; i <= 4; i++) {
            ledger.append(0, i);
        }
        assertThat(ledger.awaitPublished(Duration.ofSeconds(30))).isTrue();
        KafkaSubscription subscription = closeLater(KafkaProcessManagers.start(config("acknowledger-again",
                ledger.topic), consumerDb, new Acknowledger(), serializer(), commands(), null, null));
        await().atMost(Duration.ofSeconds(30)).until(() -> subscription.status().applied() == 4);

        ledger.store.readAll(1, EventReader.MAX_PAGE).forEach(ledger::send);
        ledger.append(0, 5);

        await().atMost(Duration.ofSeconds(30)).until(() -> subscription.status().applied() == 5);
        assertThat(subscription.status().repeats()).isEqualTo(4);
        assertThat(dispatched).hasSize(5);
        assertThat(acknowledged()).containsExactly(Map.entry("ack-ledger-0", List.of(1L, 2L, 3L, 4L, 5L)));
    }
}
