package dev.ordo.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ordo.core.event.RecordedEvent;
import dev.ordo.core.store.EventReader;
import dev.ordo.test.kafka.KafkaCluster;
import dev.ordo.test.kafka.KafkaHarness;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** What a read_committed consumer finds on a topic, and the checks that it is the store's log exactly once. */
public final class PublishedRecords {

    private final List<ConsumerRecord<String, byte[]>> records;

    private PublishedRecords(List<ConsumerRecord<String, byte[]>> records) {
        this.records = records;
    }

    /**
     * Every committed record of the topic, partition by partition, in offset order. A producer's commit returns
     * before the broker has written the commit markers to every partition, so a read_committed consumer may for a
     * moment see less than was committed; this waits until no transaction is open on the topic (its last stable
     * offsets reach its high watermarks) before it reads.
     */
    static PublishedRecords readCommitted(String topic) {
        return readCommitted(KafkaHarness.cluster(), topic);
    }

    /** {@link #readCommitted(String)} on a cluster of the test's own. */
    public static PublishedRecords readCommitted(KafkaCluster cluster, String topic) {
        Properties properties = cluster.clientProperties();
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5_000);
        Properties uncommitted = cluster.clientProperties();
        uncommitted.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted");
        List<ConsumerRecord<String, byte[]>> all = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(properties, new StringDeserializer(),
                new ByteArrayDeserializer());
             KafkaConsumer<String, byte[]> watermarks = new KafkaConsumer<>(uncommitted, new StringDeserializer(),
                     new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (PartitionInfo info : consumer.partitionsFor(topic)) {
                partitions.add(new TopicPartition(topic, info.partition()));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            await("no open transaction on " + topic).atMost(Duration.ofSeconds(60))
                    .until(() -> consumer.endOffsets(partitions).equals(watermarks.endOffsets(partitions)));
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < ends.get(tp))) {
                consumer.poll(Duration.ofMillis(200)).forEach(all::add);
            }
        }
        return new PublishedRecords(all);
    }

    int size() {
        return records.size();
    }

    /**
     * Asserts that the records are exactly the events of the log (each once, none else) and that, per key, they come
     * in stream order: versions 1, 2, 3... on one partition.
     */
    public void assertExactlyOnceInStreamOrder(EventReader store, String description) {
        Map<String, RecordedEvent> expected = new HashMap<>();
        long next = 1;
        while (true) {
            List<RecordedEvent> page = store.readAll(next, EventReader.MAX_PAGE);
            if (page.isEmpty()) {
                break;
            }
            page.forEach(e -> expected.put(e.eventId().toString(), e));
            next = page.getLast().position() + 1;
        }
        Set<String> seen = new HashSet<>();
        List<String> duplicates = new ArrayList<>();
        Map<String, Long> lastVersion = new HashMap<>();
        Map<String, Integer> partitionOf = new HashMap<>();
        List<String> disorder = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            String id = RelayHeaders.value(record.headers(), RelayHeaders.EVENT_ID);
            if (!seen.add(id)) {
                duplicates.add(id);
            }
            long version = Long.parseLong(RelayHeaders.value(record.headers(), RelayHeaders.STREAM_VERSION));
            long previous = lastVersion.getOrDefault(record.key(), 0L);
            if (version != previous + 1) {
                disorder.add(record.key() + ": version " + version + " after " + previous);
            }
            lastVersion.put(record.key(), version);
            Integer partition = partitionOf.putIfAbsent(record.key(), record.partition());
            if (partition != null && partition != record.partition()) {
                disorder.add(record.key() + " on partitions " + partition + " and " + record.partition());
            }
        }
        assertThat(duplicates).as("events published twice (%s)", description).isEmpty();
        assertThat(disorder).as("events out of stream order (%s)", description).isEmpty();
        Set<String> missing = new HashSet<>(expected.keySet());
        missing.removeAll(seen);
        assertThat(missing).as("events never published (%s)", description).isEmpty();
        Set<String> unknown = new HashSet<>(seen);
        unknown.removeAll(expected.keySet());
        assertThat(unknown).as("records that are no event of the store (%s)", description).isEmpty();
    }

    List<ConsumerRecord<String, byte[]>> records() {
        return records;
    }
}
