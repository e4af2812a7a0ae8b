package dev.ordo.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ordo.core.event.EventData;
import dev.ordo.core.event.EventMetadata;
import dev.ordo.core.event.StreamId;
import dev.ordo.core.store.EventFilter;
import dev.ordo.core.store.ExpectedVersion;
import dev.ordo.test.kafka.KafkaCluster;
import dev.ordo.test.kafka.KafkaHarness;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The relay publishes the store's log to a real broker exactly once, as read_committed consumers see it. */
class OutboxRelayIntegrationTests {

    @TempDir
    Path folder;

    @Test
    void publishesAHundredThousandEventsOfAThousandStreamsExactlyOnceInStreamOrder() throws Exception {
        KafkaHarness.createTopic("bulk", 8);
        try (RelayStore store = RelayStore.postgres()) {
            store.append("bulk", 1_000, 4, 25);
            long head = store.store.headPosition();
            assertThat(head).isEqualTo(100_000);
            SimpleMeterRegistry registry = new SimpleMeterRegistry();

            try (OutboxRelay relay = OutboxRelay.start(config("bulk-relay").batchSize(2_000).build(), store.store,
                    store.signal, RelayLease.postgresAdvisoryLock(store.leaseConnections(), "bulk-relay"), registry)) {
                assertThat(relay.awaitPublished(head, Duration.ofSeconds(90))).isTrue();
                assertThat(relay.status().lagEvents()).isZero();
                assertThat(registry.get("ordo.relay.published").tag("relay", "bulk-relay").functionCounter().count())
                        .isEqualTo(100_000);
            }

            PublishedRecords published = PublishedRecords.readCommitted("bulk");
            assertThat(published.size()).isEqualTo(100_000);
            published.assertExactlyOnceInStreamOrder(store.store, "100,000 events");
        }
    }

    @Test
    void keysRecordsByStreamIdAndCarriesTheEventsIdentityAndMetadataAsHeaders() throws Exception {
        KafkaHarness.createTopic("mapped-carts", 2);
        try (RelayStore store = RelayStore.sqlite(folder)) {
            EventMetadata metadata = EventMetadata.empty().withCorrelationId("corr-1").withCausationId("cause-1")
                    .withActor("alice").withTraceParent("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01")
                    .with("tracestate", "ordo=1");
            EventData added = EventData.of("cart.item-added.v2", 2, "{\"sku\":\"A-1\"}", metadata);
            store.store.append(StreamId.of("cart", 7), ExpectedVersion.noStream(), List.of(added));
            store.store.append(StreamId.of("skipped", 1), ExpectedVersion.noStream(),
                    List.of(EventData.of("skipped.v1", 1, "{}", null)));

            RelayConfig config = config("headers-relay").topics(TopicMapping.byCategory().map("cart", "mapped-carts"))
                    .filter(EventFilter.categories("cart")).build();
            try (OutboxRelay relay = OutboxRelay.start(config, store.store, store.signal,
                    RelayLease.inProcess(folder + ":headers-relay"), null)) {
                assertThat(relay.awaitPublished(store.store.headPosition(), Duration.ofSeconds(30))).isTrue();
            }

            List<ConsumerRecord<String, byte[]>> records = PublishedRecords.readCommitted("mapped-carts").records();
            assertThat(records).hasSize(1);
            ConsumerRecord<String, byte[]> record = records.getFirst();
            assertThat(record.key()).isEqualTo("cart-7");
            assertThat(new String(record.value(), StandardCharsets.UTF_8)).isEqualTo("{\"sku\": \"A-1\"}".replace(" ", ""));
            var headers = record.headers();
            assertThat(RelayHeaders.value(headers, RelayHeaders.EVENT_ID)).isEqualTo(added.eventId().toString());
            assertThat(RelayHeaders.value(headers, RelayHeaders.EVENT_TYPE)).isEqualTo("cart.item-added.v2");
            assertThat(RelayHeaders.value(headers, RelayHeaders.SCHEMA_VERSION)).isEqualTo("2");
            assertThat(RelayHeaders.value(headers, RelayHeaders.STREAM_ID)).isEqualTo("cart-7");
            assertThat(RelayHeaders.value(headers, RelayHeaders.STREAM_VERSION)).isEqualTo("1");
            assertThat(RelayHeaders.value(headers, RelayHeaders.POSITION)).isEqualTo("1");
            assertThat(RelayHeaders.value(headers, RelayHeaders.RECORDED_AT)).isNotBlank();
            assertThat(RelayHeaders.value(headers, RelayHeaders.CORRELATION_ID)).isEqualTo("corr-1");
            assertThat(RelayHeaders.value(headers, RelayHeaders.CAUSATION_ID)).isEqualTo("cause-1");
            assertThat(RelayHeaders.value(headers, RelayHeaders.ACTOR)).isEqualTo("alice");
            assertThat(RelayHeaders.value(headers, RelayHeaders.TRACEPARENT))
                    .isEqualTo("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
            assertThat(RelayHeaders.value(headers, "tracestate")).isEqualTo("ordo=1");
        }
    }

    @Test
    void restartedRelayContinuesAfterThePositionItCommittedInKafka() throws Exception {
        KafkaHarness.createTopic("resumed", 4);
        try (RelayStore store = RelayStore.sqlite(folder)) {
            store.append("resumed", 20, 2, 5);
            RelayConfig config = config("resume-relay").batchSize(50).build();
            try (OutboxRelay first = OutboxRelay.start(config, store.store, store.signal,
                    RelayLease.inProcess(folder + ":resume-relay"), null)) {
                assertThat(first.awaitPublished(store.store.headPosition(), Duration.ofSeconds(30))).isTrue();
            }
            store.append("resumed", 20, 1, 5);

            try (OutboxRelay second = OutboxRelay.start(config, store.store, store.signal,
                    RelayLease.inProcess(folder + ":resume-relay"), null)) {
                await().atMost(Duration.ofSeconds(30)).until(() -> second.status().position() == 300);
                assertThat(second.status().published()).isEqualTo(100);
            }

            PublishedRecords.readCommitted("resumed").assertExactlyOnceInStreamOrder(store.store, "after a restart");
        }
    }

    @Test
    void eventsAppendedWhileTheRelayRunsArePublishedAsTheyCommit() throws Exception {
        KafkaHarness.createTopic("live", 4);
        try (RelayStore store = RelayStore.sqlite(folder);
             OutboxRelay relay = OutboxRelay.start(config("live-relay").pollInterval(Duration.ofMinutes(1)).build(),
                     store.store, store.signal, RelayLease.inProcess(folder + ":live-relay"), null)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> relay.status().state() == RelayStatus.State.ACTIVE
                    && relay.status().position() == 0);

            store.append("live", 10, 3, 2);

            // the poll interval is a minute: only the store's commit signal can wake the relay this soon
            assertThat(relay.awaitPublished(60, Duration.ofSeconds(30))).isTrue();
            PublishedRecords.readCommitted("live").assertExactlyOnceInStreamOrder(store.store, "live appends");
        }
    }

    @Test
    void whileKafkaIsDownAppendsSucceedAndTheRelayReportsAGrowingLag() throws Exception {
        try (RelayStore store = RelayStore.sqlite(folder)) {
            KafkaCluster cluster = KafkaCluster.builder().start();
            cluster.createTopic("outage", 2);
            store.append("outage", 5, 2, 1);
            RelayConfig config = RelayConfig.builder("outage-relay", cluster.bootstrapServers())
                    .kafkaTimeout(Duration.ofSeconds(1)).maxBackoff(Duration.ofMillis(500)).build();
            SimpleMeterRegistry registry = new SimpleMeterRegistry();
            try (OutboxRelay relay = OutboxRelay.start(config, store.store, store.signal,
                    RelayLease.inProcess(folder + ":outage-relay"), registry)) {
                assertThat(relay.awaitPublished(10, Duration.ofSeconds(30))).isTrue();

                cluster.close();
                store.append("outage", 5, 2, 1);

                assertThat(store.store.headPosition()).isEqualTo(20);
                await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                    RelayStatus status = relay.status();
                    assertThat(status.state()).isEqualTo(RelayStatus.State.ACTIVE);
                    assertThat(status.position()).isEqualTo(10);
                    assertThat(status.lagEvents()).isEqualTo(10);
                    assertThat(status.failures()).isPositive();
                });
                double ageBefore = relay.status().lagSeconds();
                await().atMost(Duration.ofSeconds(10)).until(() -> relay.status().lagSeconds() > ageBefore + 0.5);
                assertThat(registry.get("ordo.relay.lag.events").tag("relay", "outage-relay").gauge().value())
                        .isEqualTo(10);
                assertThat(registry.get("ordo.relay.active").tag("relay", "outage-relay").gauge().value())
                        .isEqualTo(1);
            }
        }
    }

    static RelayConfig.Builder config(String name) {
        return RelayConfig.builder(name, KafkaHarness.bootstrapServers());
    }
}
