package dev.ordo.kafka.saga;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.ordo.core.store.TransientFailures;
import dev.ordo.kafka.saga.SagaOverKafka.ReserveStock;
import dev.ordo.saga.StepRequest;
import dev.ordo.test.kafka.KafkaHarness;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;

/** The saga side's channel: a send returns once the broker has the request, and throws when it does not. */
class KafkaStepChannelIntegrationTests {

    private final UUID sagaId = UUID.randomUUID();
    private final StepRequest request = new StepRequest(sagaId + ":reserve-stock", "order", "reserve-stock",
            new ReserveStock("o-1", 1));

    @Test
    void aSentRequestIsOnTheCommandTopicOfItsPayloadTypeWhenSendReturns() {
        String topic = "stock-" + UUID.randomUUID().toString().substring(0, 8);
        KafkaHarness.createTopic(topic, 3);
        try (KafkaStepChannel channel = KafkaStepChannel.builder(SagaOverKafka.client(), SagaOverKafka.TYPES,
                "replies").commandTopic(ReserveStock.class, topic).build()) {
            channel.send(request);
        }

        Properties properties = SagaOverKafka.client();
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, "reader-" + topic);
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(properties, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
            await().atMost(Duration.ofSeconds(15)).pollInSameThread().until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                return !records.isEmpty();
            });
            consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            assertThat(records).hasSize(1);
            assertThat(StepRecords.request(records.getFirst(), SagaOverKafka.TYPES)).isEqualTo(request);
        }
    }

    @Test
    void aSendTheBrokerDoesNotAcknowledgeThrowsSoTheStepsAttemptIsTriedAgain() throws Exception {
        Properties nowhere = new Properties();
        try (ServerSocket closed = new ServerSocket(0)) {
            nowhere.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, "localhost:" + closed.getLocalPort());
        }
        try (KafkaStepChannel channel = KafkaStepChannel.builder(nowhere, SagaOverKafka.TYPES, "replies")
                .commandTopic(ReserveStock.class, "stock").sendTimeout(Duration.ofMillis(500)).build()) {

            assertThatThrownBy(() -> channel.send(request))
                    .isInstanceOf(KafkaStepChannel.StepNotSentException.class)
                    .hasMessageContaining(request.invocationId()).hasMessageContaining("stock")
                    .satisfies(e -> assertThat(TransientFailures.isTransient(e)).as("Kafka away is transient").isTrue());
        }
    }

    @Test
    void aPayloadWithNoCommandTopicIsRefused() {
        try (KafkaStepChannel channel = KafkaStepChannel.builder(SagaOverKafka.client(), SagaOverKafka.TYPES,
                "replies").build()) {
            assertThatThrownBy(() -> channel.send(request)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(ReserveStock.class.getName());
        }
    }
}
