package dev.ordo.kafka.saga;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ordo.test.kafka.KafkaHarness;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

/**
 * The member under participants and reply listeners: one key's records one after the other in order, different keys
 * side by side, and a record that keeps failing holds back only its own key's later records.
 */
class RecordLoopIntegrationTests {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final String topic = "lanes-" + UUID.randomUUID().toString().substring(0, 8);
    private final List<String> handled = new CopyOnWriteArrayList<>();

    RecordLoopIntegrationTests() {
        KafkaHarness.createTopic(topic, 1);
    }

    @Test
    void aSlowRecordHoldsBackOnlyTheLaterRecordsOfItsOwnKey() throws Exception {
        CountDownLatch slowMayEnd = new CountDownLatch(1);
        publish("a", "a1", "a", "a2", "b", "b1", "b", "b2", "c", "c1");

        try (RecordLoop loop = loop(record -> {
            String value = value(record);
            if (value.equals("a1")) {
                slowMayEnd.await(WAIT.toSeconds(), TimeUnit.SECONDS);
            }
            handled.add(value);
        }, 16)) {
            await().atMost(WAIT).until(() -> handled.containsAll(List.of("b1", "b2", "c1")));
            assertThat(handled).doesNotContain("a1", "a2");
            slowMayEnd.countDown();
            await().atMost(WAIT).until(() -> handled.size() == 5);
        }

        assertThat(handled).containsSubsequence("a1", "a2").containsSubsequence("b1", "b2");
    }

    @Test
    void aRecordThatKeepsFailingIsTriedAgainWhileTheOtherKeysAreDoneOnceAndItsKeysLaterRecordsWait() throws Exception {
        AtomicInteger failures = new AtomicInteger();
        Map<String, AtomicInteger> times = new ConcurrentHashMap<>();
        publish("a", "a1", "b", "b1", "a", "a2", "c", "c1", "b", "b2");

        try (RecordLoop loop = loop(record -> {
            String value = value(record);
            if (value.equals("a1") && failures.incrementAndGet() <= 3) {
                throw new IllegalStateException("the provider is away");
            }
            times.computeIfAbsent(value, v -> new AtomicInteger()).incrementAndGet();
            handled.add(value);
        }, 16)) {
            await().atMost(WAIT).until(() -> handled.size() == 5);
        }

        assertThat(failures.get()).isEqualTo(4);
        assertThat(handled).containsSubsequence("a1", "a2").containsSubsequence("b1", "b2");
        assertThat(times).allSatisfy((value, count) -> assertThat(count.get()).as(value).isEqualTo(1));
    }

    @Test
    void withAConcurrencyOfOneTheRecordsAreHandledInTheirOrder() throws Exception {
        publish("a", "a1", "b", "b1", "a", "a2", "c", "c1");

        try (RecordLoop loop = loop(record -> handled.add(value(record)), 1)) {
            await().atMost(WAIT).until(() -> handled.size() == 4);
        }

        assertThat(handled).containsExactly("a1", "b1", "a2", "c1");
    }

    private RecordLoop loop(RecordLoop.Work work, int concurrency) {
        RecordLoop loop = new RecordLoop("lanes-test", SagaOverKafka.client(), "group-" + topic, List.of(topic), work,
                Duration.ofMillis(200), concurrency);
        loop.start();
        return loop;
    }

    /** Publishes key, value pairs in order. */
    private void publish(String... keysAndValues) throws Exception {
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(SagaOverKafka.client(),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < keysAndValues.length; i += 2) {
                producer.send(new ProducerRecord<>(topic, bytes(keysAndValues[i]), bytes(keysAndValues[i + 1]))).get();
            }
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String value(ConsumerRecord<byte[], byte[]> record) {
        return new String(record.value(), StandardCharsets.UTF_8);
    }
}
