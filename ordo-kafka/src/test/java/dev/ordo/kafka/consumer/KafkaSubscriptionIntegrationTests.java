package dev.ordo.kafka.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ordo.core.deadletter.DeadLetter;
import dev.ordo.core.deadletter.DeadLetterPolicy;
import dev.ordo.core.deadletter.DeadLetterQuery;
import dev.ordo.core.deadletter.DeadLetterRecorder;
import dev.ordo.core.deadletter.DeadLetterStatus;
import dev.ordo.core.deadletter.DeadLetterStore;
import dev.ordo.core.deadletter.Origin;
import dev.ordo.core.event.EventMetadata;
import dev.ordo.core.event.EventTypeRegistry;
import dev.ordo.core.event.RecordedEvent;
import dev.ordo.core.event.StreamId;
import dev.ordo.jdbc.JdbcDeadLetterStore;
import dev.ordo.jdbc.OrdoDatabase;
import dev.ordo.test.faults.SimulatedCrash;
import dev.ordo.test.kafka.KafkaHarness;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Kafka subscriptions with an inbox, against the harness broker and a SQLite database of the consuming side. */
class KafkaSubscriptionIntegrationTests {

    @TempDir
    Path folder;

    private OrdoDatabase consumerDb;
    private final List<AutoCloseable> closing = new ArrayList<>();

    @BeforeEach
    void openTheConsumingSidesDatabase() {
        consumerDb = OrdoDatabase.sqlite(folder.resolve("consumer.db"));
    }

    @AfterEach
    void closeEverything() throws Exception {
        for (AutoCloseable resource : closing.reversed()) {
            resource.close();
        }
        consumerDb.close();
    }

    private <T extends AutoCloseable> T closeLater(T resource) {
        closing.add(resource);
        return resource;
    }

    private static KafkaSubscriptionConfig config(String group, String topic) {
        return KafkaSubscriptionConfig.of(group, KafkaHarness.bootstrapServers(), topic)
                .withMaxBackoff(Duration.ofMillis(200)).withKafka("session.timeout.ms", 6_000)
                .withKafka("heartbeat.interval.ms", 500).withKafka("max.poll.records", 50);
    }

    @Test
    void aGroupWhoseMembersJoinAndLeaveDuringTheRunAppliesEveryEventExactlyOnce() throws Exception {
        Ledger ledger = closeLater(new Ledger(folder, "ledger-group", 6).relayed());
        LedgerProjection projection = new LedgerProjection();
        KafkaSubscriptionConfig config = config("ledger-readers", ledger.topic);
        List<KafkaSubscription> members = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            members.add(KafkaProjections.start(config, consumerDb, projection, null, null));
        }

        for (int round = 0; round < 12; round++) {
            for (int stream = 0; stream < 20; stream++) {
                ledger.append(stream, round * 100L + stream);
            }
            if (round == 3) {
                members.removeFirst().close();
            } else if (round == 6) {
                members.add(KafkaProjections.start(config, consumerDb, projection, null, null));
            } else if (round == 9) {
                members.removeFirst().close();
                members.add(KafkaProjections.start(config, consumerDb, projection, null, null));
            }
        }
        assertThat(ledger.awaitPublished(Duration.ofSeconds(30))).isTrue();
        Map<String, long[]> expected = ledger.expectedTotals();

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(LedgerProjection.totals(consumerDb))
                .usingRecursiveComparison().isEqualTo(expected));
        members.forEach(KafkaSubscription::close);
        assertThat(expected.values().stream().mapToLong(t -> t[0]).sum()).isEqualTo(240);
    }

    @Test
    void aCrashBetweenTheDatabaseCommitAndTheOffsetCommitIsRedeliveredAsARepeatAndNotAppliedTwice() throws Exception {
        Ledger ledger = closeLater(new Ledger(folder, "ledger-crash", 2).relayed());
        for (int stream = 0; stream < 5; stream++) {
            for (int i = 1; i <= 4; i++) {
                ledger.append(stream, i);
            }
        }
        assertThat(ledger.awaitPublished(Duration.ofSeconds(30))).isTrue();
        AtomicBoolean crashed = new AtomicBoolean();
        KafkaSubscription.Faults crashOnce = () -> {
            if (crashed.compareAndSet(false, true)) {
                throw new SimulatedCrash("after the database commit, before the offsets");
            }
        };
        KafkaSubscriptionConfig config = config("ledger-crashers", ledger.topic);
        KafkaSubscription first = KafkaSubscription.start(config, consumerDb,
                KafkaProjections.prepare(config, consumerDb, new LedgerProjection()), null, null, crashOnce);
        // the crash kills the consumer's thread; Awaitility would rethrow it here by default
        await().dontCatchUncaughtExceptions().atMost(Duration.ofSeconds(30))
                .until(() -> first.status().state() == KafkaSubscriptionStatus.State.STOPPED);
        long appliedBeforeTheCrash = first.status().applied();
        assertThat(appliedBeforeTheCrash).isPositive();

        KafkaSubscription second = closeLater(KafkaProjections.start(config, consumerDb, new LedgerProjection(),
                null, null));

        // the counters move right after the transaction that the totals show committed
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(LedgerProjection.totals(consumerDb)).usingRecursiveComparison()
                    .isEqualTo(ledger.expectedTotals());
            assertThat(second.status().repeats()).isEqualTo(appliedBeforeTheCrash);
            assertThat(appliedBeforeTheCrash + second.status().applied()).isEqualTo(20);
        });
    }

    @Test
    void anOffsetCommitThatKafkaRefusesDoesNotStopTheSubscription() throws Exception {
        Ledger ledger = closeLater(new Ledger(folder, "ledger-refused-commit", 1).relayed());
        for (int i = 1; i <= 5; i++) {
            ledger.append(0, i);
        }
        assertThat(ledger.awaitPublished(Duration.ofSeconds(30))).isTrue();
        KafkaSubscriptionConfig config = config("ledger-refused-commit-readers", ledger.topic);
        AtomicBoolean refused = new AtomicBoolean();
        KafkaSubscription subscription = closeLater(KafkaSubscription.start(config, consumerDb,
                KafkaProjections.prepare(config, consumerDb, new LedgerProjection()), null, null,
                KafkaSubscription.Faults.NONE, settings -> refusingFirstCommit(settings, refused)));

        await().atMost(Duration.ofSeconds(30)).until(refused::get);
        ledger.append(0, 6);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(LedgerProjection.totals(consumerDb).get("ledger-0")).containsExactly(6, 21);
            assertThat(subscription.status().state()).isNotEqualTo(KafkaSubscriptionStatus.State.STOPPED);
        });
    }

    /** A real consumer whose first offset commit fails as a rebalance makes it fail. */
    @SuppressWarnings("unchecked")
    private static org.apache.kafka.clients.consumer.Consumer<String, byte[]> refusingFirstCommit(
            Map<String, Object> settings, AtomicBoolean refused) {
        var real = new org.apache.kafka.clients.consumer.KafkaConsumer<>(settings,
                new org.apache.kafka.common.serialization.StringDeserializer(),
                new org.apache.kafka.common.serialization.ByteArrayDeserializer());
        return (org.apache.kafka.clients.consumer.Consumer<String, byte[]>) java.lang.reflect.Proxy.newProxyInstance(
                KafkaSubscriptionIntegrationTests.class.getClassLoader(),
                new Class<?>[] {org.apache.kafka.clients.consumer.Consumer.class}, (proxy, method, args) -> {
                    if (method.getName().equals("commitSync") && refused.compareAndSet(false, true)) {
                        throw new org.apache.kafka.clients.consumer.CommitFailedException("the group rebalanced");
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @Test
    void aPoisonEventIsParkedItsStreamHeldWhileOthersFlowAndRedriveAppliesItsStreamOnceInOrder() throws Exception {
        Ledger ledger = closeLater(new Ledger(folder, "ledger-poison", 2).relayed());
        DeadLetterStore letters = JdbcDeadLetterStore.create(consumerDb);
        DeadLetterRecorder recorder = new DeadLetterRecorder(letters, DeadLetterPolicy.builder().maxAttempts(1)
                .initialDelay(Duration.ofMillis(100)).maxDelay(Duration.ofMillis(100)).build(), null);
        LedgerProjection projection = new LedgerProjection();
        projection.poisoned.add("ledger-1");
        KafkaSubscription subscription = closeLater(KafkaProjections.start(
                config("ledger-poison-readers", ledger.topic).withAttempts(2), consumerDb, projection, recorder, null));

        for (int i = 1; i <= 3; i++) {
            ledger.append(0, i);
            ledger.append(1, 10 * i);
        }
        assertThat(ledger.awaitPublished(Duration.ofSeconds(30))).isTrue();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(LedgerProjection.totals(consumerDb)).containsOnlyKeys("ledger-0");
            assertThat(LedgerProjection.totals(consumerDb).get("ledger-0")).containsExactly(3, 6);
            assertThat(openLetters(letters, "ledger-poison-readers")).hasSize(3);
        });
        List<DeadLetter> open = openLetters(letters, "ledger-poison-readers");
        DeadLetter poison = open.stream().filter(l -> !l.failure().isHeldBack()).findFirst().orElseThrow();
        assertThat(poison.status()).isEqualTo(DeadLetterStatus.PARKED);
        assertThat(poison.failure().message()).contains("ledger-1 v1 is refused");
        assertThat(open.stream().filter(l -> l.failure().isHeldBack()).count()).isEqualTo(2);
        assertThat(subscription.status().heldStreams()).isEqualTo(1);

        projection.poisoned.clear();
        letters.redrive(poison.id(), "operator", "fixed");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(LedgerProjection.totals(consumerDb).get("ledger-1")).containsExactly(3, 60);
            assertThat(openLetters(letters, "ledger-poison-readers")).isEmpty();
        });
        ledger.append(1, 40);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(LedgerProjection.totals(consumerDb).get("ledger-1")).containsExactly(4, 100));
        assertThat(subscription.status().heldStreams()).isZero();
    }

    @Test
    void aGapInAStreamsVersionsIsReportedAsADeadLetterAndNotAppliedUntilAnOperatorAcceptsIt() throws Exception {
        Ledger ledger = closeLater(new Ledger(folder, "ledger-gap", 1));
        DeadLetterStore letters = JdbcDeadLetterStore.create(consumerDb);
        DeadLetterRecorder recorder = new DeadLetterRecorder(letters, DeadLetterPolicy.builder().maxAttempts(1)
                .initialDelay(Duration.ofMillis(100)).maxDelay(Duration.ofMillis(100)).build(), null);
        KafkaSubscription subscription = closeLater(KafkaProjections.start(config("ledger-gap-readers", ledger.topic),
                consumerDb, new LedgerProjection(), recorder, null));

        ledger.send(event("ledger-7", 1, 5));
        ledger.send(event("ledger-7", 1, 5));
        ledger.send(event("ledger-7", 3, 7));

        await().atMost(Duration.ofSeconds(30)).until(() -> openLetters(letters, "ledger-gap-readers").size() == 1);
        DeadLetter gap = openLetters(letters, "ledger-gap-readers").getFirst();
        assertThat(gap.failure().type()).isEqualTo(StreamGapException.class.getName());
        assertThat(gap.failure().message()).contains("stream ledger-7: expected version 2, the record carries version 3");
        assertThat(LedgerProjection.totals(consumerDb).get("ledger-7")).containsExactly(1, 5);
        assertThat(subscription.status().repeats()).isEqualTo(1);

        letters.redrive(gap.id(), "operator", "version 2 was never published; accept the gap");

        // the letter is resolved right after its event was applied
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(LedgerProjection.totals(consumerDb).get("ledger-7")).containsExactly(2, 12);
            assertThat(openLetters(letters, "ledger-gap-readers")).isEmpty();
        });
    }

    @Test
    void aRecordThatCarriesNoEventIsParkedAsADeadLetterAndTheRestFlows() throws Exception {
        Ledger ledger = closeLater(new Ledger(folder, "ledger-malformed", 1));
        DeadLetterStore letters = JdbcDeadLetterStore.create(consumerDb);
        DeadLetterRecorder recorder = new DeadLetterRecorder(letters, DeadLetterPolicy.builder().maxAttempts(3)
                .build(), null);
        closeLater(KafkaProjections.start(config("ledger-malformed-readers", ledger.topic), consumerDb,
                new LedgerProjection(), recorder, null));

        ledger.send(new ProducerRecord<>(ledger.topic, "ledger-1", "{\"amount\":1}".getBytes(StandardCharsets.UTF_8)));
        ledger.send(event("ledger-2", 1, 9));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(LedgerProjection.totals(consumerDb).get("ledger-2")).containsExactly(1, 9));
        List<DeadLetter> open = openLetters(letters, "ledger-malformed-readers");
        assertThat(open).singleElement().satisfies(letter -> {
            assertThat(letter.status()).isEqualTo(DeadLetterStatus.PARKED);
            assertThat(letter.message().type()).isEqualTo("malformed-record");
            assertThat(letter.failure().message()).contains("lacks the header ordo-event-id");
        });
    }

    /** The consumer's side of the ledger's event: the one type, at schema 1, that it understands. */
    record Booked(long amount) {
    }

    @Test
    void eventsOfAnUnknownTypeOrOfANewerSchemaAreDeadLettersThatNeverReachTheHandler() throws Exception {
        Ledger ledger = closeLater(new Ledger(folder, "ledger-types", 1));
        DeadLetterStore letters = JdbcDeadLetterStore.create(consumerDb);
        DeadLetterRecorder recorder = new DeadLetterRecorder(letters, DeadLetterPolicy.builder().maxAttempts(3)
                .build(), null);
        EventTypeRegistry known = EventTypeRegistry.builder().register(Booked.class, "ledger.booked", 1).build();
        closeLater(KafkaProjections.start(config("ledger-types-readers", ledger.topic).withKnownTypes(known),
                consumerDb, new LedgerProjection(), recorder, null));

        ledger.send(event("ledger-8", 1, 3));
        ledger.send(typed(event("ledger-9", 1, 4), "ledger.renamed", 1));
        ledger.send(typed(event("ledger-10", 1, 5), "ledger.booked", 2));
        ledger.send(event("ledger-11", 1, 6));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(LedgerProjection.totals(consumerDb)).containsOnlyKeys("ledger-8", "ledger-11");
            assertThat(openLetters(letters, "ledger-types-readers")).hasSize(2);
        });
        assertThat(openLetters(letters, "ledger-types-readers")).extracting(l -> l.failure().message())
                .anySatisfy(m -> assertThat(m).contains("type ledger.renamed").contains("unknown"))
                .anySatisfy(m -> assertThat(m).contains("schema version 2 is newer than the 1"));
    }

    private static RecordedEvent typed(RecordedEvent event, String type, int schemaVersion) {
        return new RecordedEvent(event.eventId(), event.streamId(), event.streamVersion(), event.position(), type,
                schemaVersion, event.payload(), event.metadata(), event.recordedAt());
    }

    private static RecordedEvent event(String stream, long version, long amount) {
        return new RecordedEvent(UUID.nameUUIDFromBytes((stream + "/" + version).getBytes(StandardCharsets.UTF_8)),
                StreamId.of(stream), version, version, "ledger.booked", 1, "{\"amount\":" + amount + "}",
                EventMetadata.empty(), Instant.now());
    }

    private static List<DeadLetter> openLetters(DeadLetterStore letters, String group) {
        return letters.list(DeadLetterQuery.all().withOrigin(Origin.consumer(group))).stream()
                .filter(DeadLetter::isOpen).toList();
    }
}
