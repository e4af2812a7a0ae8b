package dev.ordo.bench;

import dev.ordo.core.event.EventData;
import dev.ordo.core.event.RecordedEvent;
import dev.ordo.core.event.StreamId;
import dev.ordo.core.store.EventReader;
import dev.ordo.core.store.ExpectedVersion;
import dev.ordo.core.subscription.HeadSignal;
import dev.ordo.jdbc.JdbcEventStore;
import dev.ordo.kafka.OutboxRelay;
import dev.ordo.kafka.RelayConfig;
import dev.ordo.kafka.RelayHeaders;
import dev.ordo.kafka.RelayLease;
import dev.ordo.kafka.TopicMapping;
import dev.ordo.test.kafka.KafkaHarness;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The outbox relay's throughput against a bare {@link KafkaProducer} sending the same records (same keys, values and
 * headers, idempotent, {@code acks=all}, {@code linger.ms=5} as the relay's) to a topic of the same partitions on the
 * same broker, in one run with alternating rounds; and against the same producer committing a transaction every
 * batch-size records, which is the cost of Kafka's transactions that the relay cannot avoid. The relay reads the events from the store and publishes them in transactions that also record
 * its position; the bare producer sends records built beforehand and flushes once. Each round publishes every event
 * of the store to fresh topics; a relay round counts the events after its first commit, from that commit to its last
 * (taking the lease and starting the transactional producer are start-up, not throughput).
 */
final class RelayBench {

    private static final int PARTITIONS = 8;
    private static final int STREAMS = 1_000;

    private final Backend backend;
    private final int events;
    private final int rounds;
    private final int batchSize;

    RelayBench(Backend backend, int events, int rounds, int batchSize) {
        this.backend = backend;
        this.events = events;
        this.rounds = rounds;
        this.batchSize = batchSize;
    }

    List<String> run() throws Exception {
        try (JdbcEventStore store = JdbcEventStore.create(backend.database)) {
            HeadSignal signal = new HeadSignal();
            store.onCommit(signal::advance);
            fill(store);
            List<RecordedEvent> log = readAll(store);
            List<Double> bare = new ArrayList<>();
            List<Double> transactional = new ArrayList<>();
            List<Double> relayed = new ArrayList<>();
            for (int round = 0; round < rounds; round++) {
                bare.add(bareProducer(log, "bare-" + round, 0));
                transactional.add(bareProducer(log, "transactional-" + round, batchSize));
                relayed.add(relay(store, signal, "relayed-" + round));
            }
            double baseline = Measure.median(bare);
            double inTransactions = Measure.median(transactional);
            double ordo = Measure.median(relayed);
            String row = String.format(Locale.ROOT,
                    "| %s | %,d events, %,d streams, batch %,d | %,.0f | %,.0f | %.2f | %,.0f | %.2f |", backend.name,
                    log.size(), STREAMS, batchSize, ordo, baseline, ordo / baseline, inTransactions,
                    ordo / inTransactions);
            System.out.println(row);
            return List.of(row);
        }
    }

    private void fill(JdbcEventStore store) throws Exception {
        int perStream = Math.max(1, events / STREAMS);
        int perAppend = Math.min(10, perStream);
        try (ExecutorService writers = Executors.newFixedThreadPool(16)) {
            List<Future<?>> appends = new ArrayList<>();
            for (int s = 0; s < STREAMS; s++) {
                StreamId stream = StreamId.of("bench", s);
                appends.add(writers.submit(() -> {
                    for (int written = 0; written < perStream; written += perAppend) {
                        List<EventData> batch = new ArrayList<>();
                        for (int i = 0; i < perAppend; i++) {
                            batch.add(BenchEvents.event(written + i));
                        }
                        store.append(stream, ExpectedVersion.any(), batch);
                    }
                    return null;
                }));
            }
            for (Future<?> append : appends) {
                append.get();
            }
        }
    }

    private static List<RecordedEvent> readAll(EventReader store) {
        List<RecordedEvent> all = new ArrayList<>();
        long next = 1;
        while (true) {
            List<RecordedEvent> page = store.readAll(next, EventReader.MAX_PAGE);
            if (page.isEmpty()) {
                return all;
            }
            all.addAll(page);
            next = page.getLast().position() + 1;
        }
    }

    /**
     * Events per second of a bare idempotent producer sending the log's records: flushed once at the end, or, with a
     * positive {@code transactionSize}, committed in transactions of that many records (the relay's protocol without
     * its store, position record and bookkeeping).
     */
    private double bareProducer(List<RecordedEvent> log, String topic, int transactionSize) throws Exception {
        KafkaHarness.createTopic(topic, PARTITIONS);
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>(log.size());
        for (RecordedEvent event : log) {
            records.add(new ProducerRecord<>(topic, null, event.streamId().value(),
                    event.payload().getBytes(StandardCharsets.UTF_8), RelayHeaders.of(event)));
        }
        Properties settings = KafkaHarness.cluster().clientProperties();
        settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        settings.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        if (transactionSize > 0) {
            settings.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "bench-" + topic);
        }
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(settings, new StringSerializer(),
                new ByteArraySerializer())) {
            producer.partitionsFor(topic);
            if (transactionSize > 0) {
                producer.initTransactions();
            }
            long start = System.nanoTime();
            for (int from = 0; from < records.size(); from += transactionSize > 0 ? transactionSize : records.size()) {
                int to = transactionSize > 0 ? Math.min(records.size(), from + transactionSize) : records.size();
                if (transactionSize > 0) {
                    producer.beginTransaction();
                }
                for (ProducerRecord<String, byte[]> record : records.subList(from, to)) {
                    producer.send(record);
                }
                if (transactionSize > 0) {
                    producer.commitTransaction();
                }
            }
            producer.flush();
            return records.size() / ((System.nanoTime() - start) / 1e9);
        }
    }

    /** Events per second of a relay publishing the whole store to a fresh topic, from its start to its last commit. */
    private double relay(JdbcEventStore store, HeadSignal signal, String topic) throws Exception {
        KafkaHarness.createTopic(topic, PARTITIONS);
        RelayConfig config = RelayConfig.builder(topic, KafkaHarness.bootstrapServers()).batchSize(batchSize)
                .topics(TopicMapping.byCategory().map("bench", topic)).build();
        long head = store.headPosition();
        try (OutboxRelay relay = OutboxRelay.start(config, store, signal, RelayLease.inProcess("bench:" + topic),
                null)) {
            // from its first commit on: taking the lease and starting the transactional producer are not throughput
            long first;
            while ((first = relay.status().position()) <= 0) {
                Thread.sleep(1);
            }
            long start = System.nanoTime();
            if (!relay.awaitPublished(head, Duration.ofMinutes(10))) {
                throw new IllegalStateException("the relay did not publish " + head + " events: " + relay.status());
            }
            return (head - first) / ((System.nanoTime() - start) / 1e9);
        }
    }
}
