package dev.ordo.bench;

import dev.ordo.core.event.EventData;
import dev.ordo.core.event.EventMetadata;
import dev.ordo.core.event.RecordedEvent;
import dev.ordo.core.event.StreamId;
import dev.ordo.core.store.ExpectedVersion;
import dev.ordo.core.subscription.HeadSignal;
import dev.ordo.jdbc.JdbcEventStore;
import dev.ordo.jdbc.OrdoDatabase;
import dev.ordo.kafka.OutboxRelay;
import dev.ordo.kafka.RelayConfig;
import dev.ordo.kafka.RelayHeaders;
import dev.ordo.kafka.RelayLease;
import dev.ordo.kafka.TopicMapping;
import dev.ordo.kafka.consumer.InboxHandler;
import dev.ordo.kafka.consumer.KafkaSubscription;
import dev.ordo.kafka.consumer.KafkaSubscriptionConfig;
import dev.ordo.test.kafka.KafkaHarness;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Kafka consumers with an inbox, on SQLite, beside their baselines in one run:
 * <ul>
 *   <li>{@code throughput}: a topic of relay-shaped records (1,000 streams) read by a bare {@link KafkaConsumer}
 *   ({@code read_committed}, doing nothing with the records), by a bare consumer upserting the same counters in a
 *   transaction per poll (no inbox, offsets after), and applied by a {@link KafkaSubscription} whose
 *   handler upserts a counter per stream, each batch in one durable transaction with the inbox; alternating rounds,
 *   a fresh consumer group each;</li>
 *   <li>{@code latency}: events appended at a steady rate to a SQLite store, published by the outbox relay and
 *   applied by a subscription; the latency of an event is from its commit in the store ({@code recordedAt}) to its
 *   handler running in the consumer's transaction (the inbox's commit follows, a few hundred microseconds).</li>
 * </ul>
 */
final class KafkaConsumerBench {

    private static final int STREAMS = 1_000;
    private static final int PARTITIONS = 8;

    private KafkaConsumerBench() {
    }

    static List<String> throughput(int events, int rounds) throws Exception {
        String topic = "consumed";
        KafkaHarness.createTopic(topic, PARTITIONS);
        fill(topic, events);
        List<Double> bare = new ArrayList<>();
        List<Double> applying = new ArrayList<>();
        List<Double> ordo = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            bare.add(bareConsumer(topic, events, "bare-" + round, false));
            applying.add(bareConsumer(topic, events, "applying-" + round, true));
            ordo.add(subscription(topic, events, "inbox-" + round));
        }
        double baseline = Measure.median(bare);
        double sameWork = Measure.median(applying);
        double measured = Measure.median(ordo);
        String row = String.format(Locale.ROOT,
                "| sqlite | %,d events, %,d streams, %d partitions | %,.0f | %,.0f | %.2f | %,.0f | %.2f |", events,
                STREAMS, PARTITIONS, measured, baseline, measured / baseline, sameWork, measured / sameWork);
        System.out.println(row);
        return List.of(row);
    }

    private static void fill(String topic, int events) throws Exception {
        Properties settings = KafkaHarness.cluster().clientProperties();
        settings.put("enable.idempotence", true);
        settings.put("acks", "all");
        settings.put("linger.ms", 5);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(settings, new StringSerializer(),
                new ByteArraySerializer())) {
            for (int i = 0; i < events; i++) {
                StreamId stream = StreamId.of("bench", i % STREAMS);
                EventData data = BenchEvents.event(i);
                RecordedEvent event = new RecordedEvent(data.eventId(), stream, i / STREAMS + 1, i + 1,
                        data.eventType(), data.schemaVersion(), data.payload(), data.metadata(), Instant.now());
                producer.send(new ProducerRecord<>(topic, null, stream.value(),
                        event.payload().getBytes(StandardCharsets.UTF_8), RelayHeaders.of(event)));
            }
            producer.flush();
        }
    }

    /**
     * A bare consumer's events per second: reading only, or also upserting the same counters as the subscription, one
     * durable transaction per poll and offsets committed after it (what a hand-made consumer without an inbox does).
     */
    private static double bareConsumer(String topic, int events, String group, boolean applying) throws Exception {
        Path folder = Files.createTempDirectory("ordo-bench-bare");
        try (OrdoDatabase database = OrdoDatabase.sqlite(folder.resolve("bare.db"))) {
            createCounts(database);
            return bareConsumer(topic, events, group, applying ? database : null);
        }
    }

    private static void createCounts(OrdoDatabase database) {
        database.inTransaction(OrdoDatabase.Writes.DURABLE, connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE counts (stream_id TEXT PRIMARY KEY, events BIGINT NOT NULL)");
            }
            return null;
        });
    }

    private static void count(java.sql.Connection connection, String stream) throws java.sql.SQLException {
        try (var upsert = connection.prepareStatement("INSERT INTO counts (stream_id, events) VALUES (?, 1) "
                + "ON CONFLICT (stream_id) DO UPDATE SET events = counts.events + 1")) {
            upsert.setString(1, stream);
            upsert.executeUpdate();
        }
    }

    private static double bareConsumer(String topic, int events, String group, OrdoDatabase database) {
        Properties settings = KafkaHarness.cluster().clientProperties();
        settings.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        settings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        settings.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(settings, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            long read = 0;
            long start = 0;
            while (read < events) {
                var records = consumer.poll(Duration.ofMillis(200));
                if (!records.isEmpty() && start == 0) {
                    start = System.nanoTime();
                }
                if (database != null && !records.isEmpty()) {
                    database.inTransaction(OrdoDatabase.Writes.DURABLE, connection -> {
                        for (var record : records) {
                            count(connection, record.key());
                        }
                        return null;
                    });
                    consumer.commitSync();
                }
                read += records.count();
            }
            consumer.commitSync();
            return events / ((System.nanoTime() - start) / 1e9);
        }
    }

    private static double subscription(String topic, int events, String group) throws Exception {
        Path folder = Files.createTempDirectory("ordo-bench-consumer");
        try (OrdoDatabase database = OrdoDatabase.sqlite(folder.resolve("consumer.db"))) {
            createCounts(database);
            InboxHandler count = (connection, event) -> count(connection, event.streamId().value());
            KafkaSubscriptionConfig config = KafkaSubscriptionConfig.of(group, KafkaHarness.bootstrapServers(), topic)
                    .withKafka("max.poll.records", 2_000);
            try (KafkaSubscription subscription = KafkaSubscription.start(config, database, count, null, null)) {
                long start = 0;
                while (subscription.status().applied() < events) {
                    if (start == 0 && subscription.status().applied() > 0) {
                        start = System.nanoTime();
                    }
                    Thread.sleep(1);
                }
                return events / ((System.nanoTime() - start) / 1e9);
            }
        }
    }

    /** Appends at {@code rate} events per second for {@code seconds} after a warm-up, and measures each event. */
    static List<String> latency(int rate, double warmup, double seconds) throws Exception {
        String topic = "latency";
        KafkaHarness.createTopic(topic, PARTITIONS);
        Path folder = Files.createTempDirectory("ordo-bench-latency");
        Histogram histogram = new Histogram(TimeUnit.SECONDS.toMicros(60), 3);
        long measureFrom = System.currentTimeMillis() + (long) (warmup * 1000);
        try (OrdoDatabase source = OrdoDatabase.sqlite(folder.resolve("source.db"));
             JdbcEventStore store = JdbcEventStore.create(source);
             OrdoDatabase target = OrdoDatabase.sqlite(folder.resolve("target.db"))) {
            HeadSignal signal = new HeadSignal();
            store.onCommit(signal::advance);
            InboxHandler measure = (connection, event) -> {
                long micros = Duration.between(event.recordedAt(), Instant.now()).toNanos() / 1_000;
                if (event.recordedAt().toEpochMilli() >= measureFrom) {
                    synchronized (histogram) {
                        histogram.recordValue(Math.max(0, micros));
                    }
                }
            };
            RelayConfig relayConfig = RelayConfig.builder("latency-relay", KafkaHarness.bootstrapServers())
                    .topics(TopicMapping.byCategory().map("bench", topic)).build();
            KafkaSubscriptionConfig consumerConfig = KafkaSubscriptionConfig.of("latency-readers",
                    KafkaHarness.bootstrapServers(), topic).withKafka("fetch.max.wait.ms", 10);
            try (OutboxRelay relay = OutboxRelay.start(relayConfig, store, signal, RelayLease.inProcess("latency"),
                    null);
                 KafkaSubscription subscription = KafkaSubscription.start(consumerConfig, target, measure, null, null);
                 ScheduledExecutorService appender = Executors.newSingleThreadScheduledExecutor()) {
                int perTick = Math.max(1, rate / 100);
                long[] n = {0};
                appender.scheduleAtFixedRate(() -> {
                    for (int i = 0; i < perTick; i++) {
                        long k = n[0]++;
                        store.append(StreamId.of("bench", k % STREAMS), ExpectedVersion.any(),
                                List.of(EventData.of("bench.tick", 1, "{\"n\":" + k + "}", EventMetadata.empty())));
                    }
                }, 0, 10, TimeUnit.MILLISECONDS);
                Thread.sleep((long) ((warmup + seconds) * 1000));
                appender.shutdown();
                appender.awaitTermination(10, TimeUnit.SECONDS);
                long head = store.headPosition();
                relay.awaitPublished(head, Duration.ofSeconds(60));
                while (subscription.status().applied() < head) {
                    Thread.sleep(10);
                }
            }
        }
        String row = String.format(Locale.ROOT, "| sqlite | %,d events/s for %.0f s | %,d | %.1f | %.1f | %.1f | %.1f |",
                rate, seconds, histogram.getTotalCount(), histogram.getValueAtPercentile(50) / 1000.0,
                histogram.getValueAtPercentile(99) / 1000.0, histogram.getValueAtPercentile(99.9) / 1000.0,
                histogram.getMaxValue() / 1000.0);
        System.out.println(row);
        return List.of(row);
    }
}
