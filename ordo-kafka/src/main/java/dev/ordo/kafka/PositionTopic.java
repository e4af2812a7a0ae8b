package dev.ordo.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The relay's position in Kafka: a compacted topic of one partition in which every relay transaction, after its
 * events, writes one record (key: the relay's name, value: the position of the transaction's last event, in decimal).
 * The position is the value of the last record a {@code read_committed} consumer sees, or 0 when there is none.
 * Not thread-safe: the relay uses it from one thread at a time.
 */
final class PositionTopic {

    /** How many offsets the first look back from the end covers; each further look covers twice as many. */
    private static final int FIRST_WINDOW = 64;

    private final RelayConfig config;
    private final TopicPartition partition;

    PositionTopic(RelayConfig config) {
        this.config = config;
        this.partition = new TopicPartition(config.positionTopic(), 0);
    }

    /** The record that states, inside a transaction, that the relay published up to {@code position}. */
    ProducerRecord<String, byte[]> record(long position) {
        return new ProducerRecord<>(config.positionTopic(), 0, config.name(),
                Long.toString(position).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Creates the topic (compacted, one partition, the broker's default replication) unless it exists.
     *
     * @throws org.apache.kafka.common.KafkaException when Kafka refuses or does not answer in time
     */
    void ensureExists() throws InterruptedException {
        Map<String, Object> settings = new java.util.HashMap<>(config.kafka());
        settings.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeoutMillis());
        settings.putIfAbsent(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeoutMillis());
        Admin admin = Admin.create(settings);
        try {
            Set<String> names = admin.listTopics().names().get(timeoutMillis(), TimeUnit.MILLISECONDS);
            if (names.contains(config.positionTopic())) {
                return;
            }
            NewTopic topic = new NewTopic(config.positionTopic(), Optional.of(1), Optional.empty())
                    .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
            admin.createTopics(List.of(topic)).all().get(timeoutMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new org.apache.kafka.common.KafkaException("could not create the position topic "
                        + config.positionTopic() + " of relay " + config.name(), e.getCause());
            }
        } catch (TimeoutException e) {
            throw new org.apache.kafka.common.errors.TimeoutException("Kafka did not answer within "
                    + config.kafkaTimeout() + " while relay " + config.name() + " looked for its position topic", e);
        } finally {
            // a plain close waits for the calls still pending, up to the default API timeout, while Kafka is away
            admin.close(Duration.ZERO);
        }
    }

    /**
     * The last committed position. Call it only after the relay's producer initialized its transactions: then every
     * earlier transaction of the relay's transactional id is complete (committed or aborted) and the answer is final.
     *
     * @throws org.apache.kafka.common.errors.TimeoutException when the partition cannot be read within the Kafka timeout
     */
    long read() {
        Map<String, Object> settings = new HashMap<>(config.kafka());
        settings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        settings.put(ConsumerConfig.CLIENT_ID_CONFIG, "ordo-relay-" + config.name() + "-position");
        Duration timeout = config.kafkaTimeout();
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(settings, new StringDeserializer(),
                new ByteArrayDeserializer());
        try {
            consumer.assign(List.of(partition));
            long begin = consumer.beginningOffsets(List.of(partition), timeout).get(partition);
            // under read_committed this is the last stable offset: nothing after it is committed
            long end = consumer.endOffsets(List.of(partition), timeout).get(partition);
            long until = end;
            long window = FIRST_WINDOW;
            while (until > begin) {
                long from = Math.max(begin, until - window);
                String last = lastValueBetween(consumer, from, until);
                if (last != null) {
                    return Long.parseLong(last);
                }
                until = from;
                window *= 2;
            }
            return 0;
        } finally {
            // a plain close may wait up to 30 s for Kafka; the relay's calls are bounded by its Kafka timeout
            consumer.close(CloseOptions.timeout(timeout));
        }
    }

    /** The value of the last committed record at an offset from {@code from} (inclusive) to {@code until}. */
    private String lastValueBetween(KafkaConsumer<String, byte[]> consumer, long from, long until) {
        consumer.seek(partition, from);
        long deadline = System.nanoTime() + config.kafkaTimeout().toNanos();
        String last = null;
        while (consumer.position(partition, config.kafkaTimeout()) < until) {
            if (System.nanoTime() - deadline > 0) {
                throw new org.apache.kafka.common.errors.TimeoutException("relay " + config.name()
                        + " could not read its position topic " + config.positionTopic() + " within "
                        + config.kafkaTimeout());
            }
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                if (record.offset() < until && config.name().equals(record.key())) {
                    last = new String(record.value(), StandardCharsets.UTF_8);
                }
            }
        }
        return last;
    }

    private long timeoutMillis() {
        return config.kafkaTimeout().toMillis();
    }
}
