package dev.ordo.test.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** The harness starts a real broker: topics, transactions and read_committed consumers behave as in production. */
class KafkaHarnessIntegrationTests {

    @Test
    void sharedBrokerIsStartedOnceAndServesTheSameAddress() {
        assertThat(KafkaHarness.cluster()).isSameAs(KafkaHarness.cluster());
        assertThat(KafkaHarness.bootstrapServers()).isEqualTo(KafkaHarness.cluster().bootstrapServers());
    }

    @Test
    void readCommittedConsumersSeeCommittedTransactionsAndNeverAbortedOnes() throws Exception {
        String topic = "harness-transactions";
        KafkaHarness.createTopic(topic, 3);
        try (KafkaProducer<String, String> producer = transactionalProducer(KafkaHarness.cluster(), "harness-tx")) {
            producer.initTransactions();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, "k", "aborted"));
            producer.flush();
            producer.abortTransaction();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, "k", "committed"));
            producer.commitTransaction();
        }

        assertThat(readAll(KafkaHarness.cluster(), topic, 3)).containsExactly("committed");
    }

    @Test
    void clusterOfThreeBrokersReplicatesTopicsToEachOfThem() throws Exception {
        try (KafkaCluster cluster = KafkaCluster.builder().brokers(3).start()) {
            cluster.createTopic("replicated", 2);

            try (Admin admin = cluster.admin()) {
                TopicDescription description = admin.describeTopics(Set.of("replicated")).allTopicNames().get()
                        .get("replicated");
                assertThat(description.partitions()).allSatisfy(p -> assertThat(p.replicas()).hasSize(3));
            }
            try (KafkaProducer<String, String> producer = transactionalProducer(cluster, "replicated-tx")) {
                producer.initTransactions();
                producer.beginTransaction();
                producer.send(new ProducerRecord<>("replicated", "k", "v"));
                producer.commitTransaction();
            }
            assertThat(readAll(cluster, "replicated", 2)).containsExactly("v");
        }
    }

    private static KafkaProducer<String, String> transactionalProducer(KafkaCluster cluster, String transactionalId) {
        Properties properties = cluster.clientProperties();
        properties.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        return new KafkaProducer<>(properties, new StringSerializer(), new StringSerializer());
    }

    /** Every committed value of the topic, reading each partition up to its last stable offset. */
    private static List<String> readAll(KafkaCluster cluster, String topic, int partitions) {
        Properties properties = cluster.clientProperties();
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties, new StringDeserializer(),
                new StringDeserializer())) {
            List<TopicPartition> all = new ArrayList<>();
            for (int p = 0; p < partitions; p++) {
                all.add(new TopicPartition(topic, p));
            }
            consumer.assign(all);
            consumer.seekToBeginning(all);
            Map<TopicPartition, Long> ends = consumer.endOffsets(all);
            while (all.stream().anyMatch(tp -> consumer.position(tp) < ends.get(tp))) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    values.add(record.value());
                }
            }
        }
        return values;
    }
}
