package dev.ordo.kafka.saga;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ordo.core.store.EventStoreUnavailableException;
import dev.ordo.kafka.saga.SagaOverKafka.Reservation;
import dev.ordo.saga.StepReply;
import dev.ordo.test.faults.SimulatedCrash;
import dev.ordo.test.kafka.KafkaHarness;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

/** The saga side's reply listener: what it hands to the engine, and when it commits. */
class KafkaReplyListenerIntegrationTests {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private final String topic = "replies-" + UUID.randomUUID().toString().substring(0, 8);
    private final String group = "saga-" + topic;
    private final List<StepReply> recorded = new CopyOnWriteArrayList<>();

    KafkaReplyListenerIntegrationTests() {
        KafkaHarness.createTopic(topic, 1);
    }

    @Test
    void aReplyWhoseRecordingFailsForAPassingReasonIsTriedAgainNotDropped() {
        AtomicInteger attempts = new AtomicInteger();
        publish(new StoredReply("a:reserve-stock", true, "stock.reservation.v1", "{\"id\":\"r-1\"}"));

        try (KafkaReplyListener listener = listen(reply -> {
            if (attempts.incrementAndGet() <= 2) {
                throw new EventStoreUnavailableException("saga store restarting", null);
            }
            recorded.add(reply);
        })) {
            await().atMost(WAIT).until(() -> !recorded.isEmpty());
        }

        assertThat(attempts.get()).isEqualTo(3);
        assertThat(recorded).containsExactly(new StepReply.Succeeded("a:reserve-stock", new Reservation("r-1")));
    }

    @Test
    void aReplyIsCommittedOnlyOnceTheEngineRecordedItSoADeathBeforeThatDeliversItAgain() {
        publish(new StoredReply("b:book-shipment", false, null, "no carrier"));
        AtomicInteger deaths = new AtomicInteger();

        try (KafkaReplyListener first = listen(reply -> {
            deaths.incrementAndGet();
            throw new SimulatedCrash("while recording a reply");
        })) {
            await().atMost(WAIT).until(() -> deaths.get() == 1);
        }
        try (KafkaReplyListener second = listen(recorded::add)) {
            await().atMost(WAIT).until(() -> !recorded.isEmpty());
        }

        assertThat(recorded).containsExactly(new StepReply.Failed("b:book-shipment", "no carrier"));
    }

    @Test
    void aRecordThatIsNotAReplyOfRegisteredTypesIsSkippedAndTheNextOneRecorded() {
        publish(new StoredReply("c:reserve-stock", true, "com.example.Evil", "{}"));
        publish(new StoredReply("c:reserve-stock", true, "stock.reservation.v1", "{\"id\":\"r-3\"}"));

        try (KafkaReplyListener listener = listen(recorded::add)) {
            await().atMost(WAIT).until(() -> !recorded.isEmpty());
        }

        assertThat(recorded).containsExactly(new StepReply.Succeeded("c:reserve-stock", new Reservation("r-3")));
    }

    private KafkaReplyListener listen(Consumer<StepReply> replies) {
        return KafkaReplyListener.start(SagaOverKafka.client(), group, topic, SagaOverKafka.TYPES, replies,
                Duration.ofMillis(50));
    }

    private void publish(StoredReply reply) {
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(SagaOverKafka.client(),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            ProducerRecord<byte[], byte[]> record = StepRecords.reply(topic, reply, null);
            assertThat(new String(record.key(), StandardCharsets.UTF_8)).isEqualTo(reply.invocationId().split(":")[0]);
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
