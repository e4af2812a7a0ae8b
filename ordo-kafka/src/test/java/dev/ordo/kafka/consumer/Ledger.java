package dev.ordo.kafka.consumer;

import dev.ordo.core.event.EventData;
import dev.ordo.core.event.EventMetadata;
import dev.ordo.core.event.RecordedEvent;
import dev.ordo.core.event.StreamId;
import dev.ordo.core.store.EventReader;
import dev.ordo.core.store.ExpectedVersion;
import dev.ordo.core.subscription.HeadSignal;
import dev.ordo.jdbc.JdbcEventStore;
import dev.ordo.jdbc.OrdoDatabase;
import dev.ordo.kafka.OutboxRelay;
import dev.ordo.kafka.RelayConfig;
import dev.ordo.kafka.RelayHeaders;
import dev.ordo.kafka.RelayLease;
import dev.ordo.kafka.TopicMapping;
import dev.ordo.test.kafka.KafkaCluster;
import dev.ordo.test.kafka.KafkaHarness;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The tests' source of ledger events: a SQLite event store whose relay publishes to a topic of the harness broker,
 * and the expected totals per stream, rebuilt from the store. Also sends records by hand (repeats, gaps, malformed).
 */
final class Ledger implements AutoCloseable {

    final String topic;
    final KafkaCluster cluster;
    final OrdoDatabase database;
    final JdbcEventStore store;
    private final HeadSignal signal = new HeadSignal();
    private OutboxRelay relay;

    Ledger(Path folder, String topic, int partitions) {
        this(folder, topic, partitions, KafkaHarness.cluster());
    }

    Ledger(Path folder, String topic, int partitions, KafkaCluster cluster) {
        this.topic = topic;
        this.cluster = cluster;
        cluster.createTopic(topic, partitions);
        this.database = OrdoDatabase.sqlite(folder.resolve(topic + "-source.db"));
        this.store = JdbcEventStore.create(database);
        store.onCommit(signal::advance);
    }

    /** Starts publishing every event of the store to the topic. */
    Ledger relayed() {
        return relayed(builder -> { });
    }

    /** Starts publishing every event of the store to the topic, with the relay's settings tuned. */
    Ledger relayed(Consumer<RelayConfig.Builder> tuning) {
        RelayConfig.Builder config = RelayConfig.builder(topic + "-relay", cluster.bootstrapServers())
                .topics(TopicMapping.byCategory().map("ledger", topic));
        tuning.accept(config);
        relay = OutboxRelay.start(config.build(), store, signal, RelayLease.inProcess(topic + "-relay"), null);
        return this;
    }

    OutboxRelay relay() {
        return relay;
    }

    /** Appends one event of the amount to the stream {@code ledger-<n>}. */
    void append(int stream, long amount) {
        store.append(StreamId.of("ledger", stream), ExpectedVersion.any(),
                List.of(EventData.of("ledger.booked", 1, "{\"amount\":" + amount + "}", EventMetadata.empty())));
    }

    boolean awaitPublished(Duration timeout) throws InterruptedException {
        return relay.awaitPublished(store.headPosition(), timeout);
    }

    /** Per stream, {events, amount} as the store has them: what a read model must show. */
    Map<String, long[]> expectedTotals() {
        Map<String, long[]> totals = new HashMap<>();
        long next = 1;
        while (true) {
            List<RecordedEvent> page = store.readAll(next, EventReader.MAX_PAGE);
            if (page.isEmpty()) {
                return totals;
            }
            for (RecordedEvent event : page) {
                long amount = Long.parseLong(event.payload().replaceAll("\\D*(-?\\d+)\\D*", "$1"));
                long[] total = totals.computeIfAbsent(event.streamId().value(), s -> new long[2]);
                total[0]++;
                total[1] += amount;
            }
            next = page.getLast().position() + 1;
        }
    }

    /** Sends a record as the relay would publish the event, outside any relay (to repeat or skip events). */
    void send(RecordedEvent event) {
        send(new ProducerRecord<>(topic, null, event.streamId().value(),
                event.payload().getBytes(StandardCharsets.UTF_8), RelayHeaders.of(event)));
    }

    void send(ProducerRecord<String, byte[]> record) {
        Properties settings = cluster.clientProperties();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(settings, new StringSerializer(),
                new ByteArraySerializer())) {
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        if (relay != null) {
            relay.close();
        }
        store.close();
        database.close();
    }
}
