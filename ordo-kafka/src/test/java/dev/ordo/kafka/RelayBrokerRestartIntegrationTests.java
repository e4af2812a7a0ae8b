package dev.ordo.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ordo.test.kafka.KafkaCluster;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The relay on a cluster of three brokers whose brokers are restarted one after the other while events are appended. */
class RelayBrokerRestartIntegrationTests {

    @TempDir
    Path folder;

    @Test
    void aRollingRestartOfEveryBrokerUnderLoadLosesNothingAndDoublesNothing() throws Exception {
        try (KafkaCluster cluster = KafkaCluster.builder().brokers(3).start();
             RelayStore store = RelayStore.sqlite(folder)) {
            cluster.createTopic("rolling", 6, Map.of("min.insync.replicas", "2"));
            RelayConfig config = RelayConfig.builder("rolling-relay", cluster.bootstrapServers())
                    .topics(TopicMapping.byCategory().map("rolling", "rolling"))
                    .kafkaTimeout(Duration.ofSeconds(5)).maxBackoff(Duration.ofMillis(500)).batchSize(100).build();
            AtomicBoolean appending = new AtomicBoolean(true);
            try (OutboxRelay relay = OutboxRelay.start(config, store.store, store.signal,
                    RelayLease.inProcess(folder + ":rolling-relay"), null);
                 ExecutorService load = Executors.newSingleThreadExecutor()) {
                // about 800 events a second, steady, while brokers go and come
                Future<?> appends = load.submit(() -> {
                    while (appending.get()) {
                        store.append("rolling", 20, 1, 2);
                        LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
                    }
                });
                for (int broker = 0; broker < 3; broker++) {
                    long before = store.store.headPosition();
                    cluster.stopBroker(broker);
                    awaitHeadBeyond(store, before + 200);
                    cluster.startBroker(broker);
                    awaitHeadBeyond(store, store.store.headPosition() + 200);
                }
                appending.set(false);
                appends.get();

                long head = store.store.headPosition();
                assertThat(relay.awaitPublished(head, Duration.ofSeconds(60)))
                        .as("caught up after the restarts: %s", relay.status()).isTrue();
                assertThat(relay.status().lagEvents()).isZero();
            }
            PublishedRecords published = PublishedRecords.readCommitted(cluster, "rolling");
            assertThat(published.size()).isEqualTo((int) store.store.headPosition());
            published.assertExactlyOnceInStreamOrder(store.store, "a rolling restart under load");
        }
    }

    private static void awaitHeadBeyond(RelayStore store, long position) {
        await().atMost(Duration.ofSeconds(60)).until(() -> store.store.headPosition() >= position);
    }
}
