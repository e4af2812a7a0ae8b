package dev.ordo.kafka.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ordo.kafka.PublishedRecords;
import dev.ordo.kafka.RelayStatus;
import dev.ordo.jdbc.OrdoDatabase;
import dev.ordo.test.kafka.KafkaCluster;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kafka away for a while under a relay and a consumer: appends go on, publication and consumption wait, the lag shows
 * it, and once the broker is back everything arrives once. A cluster of its own, whose one broker is stopped.
 */
class KafkaOutageIntegrationTests {

    @TempDir
    Path folder;

    @Test
    void whileTheOnlyBrokerIsDownAppendsSucceedTheLagGrowsAndAfterwardsEveryEventTakesEffectOnce() throws Exception {
        try (KafkaCluster cluster = KafkaCluster.builder().start();
             Ledger ledger = new Ledger(folder, "outage", 3, cluster).relayed(relay -> relay
                     .kafkaTimeout(Duration.ofSeconds(2)).maxBackoff(Duration.ofMillis(500)));
             OrdoDatabase consumerDb = OrdoDatabase.sqlite(folder.resolve("consumer.db"));
             KafkaSubscription consumer = KafkaProjections.start(
                     KafkaSubscriptionConfig.of("outage-readers", cluster.bootstrapServers(), "outage")
                             .withMaxBackoff(Duration.ofMillis(500)), consumerDb, new LedgerProjection(), null, null)) {
            appendRound(ledger, 0);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(LedgerProjection.totals(consumerDb))
                    .usingRecursiveComparison().isEqualTo(ledger.expectedTotals()));

            cluster.stopBroker(0);
            for (int round = 1; round <= 10; round++) {
                appendRound(ledger, round);
            }
            assertThat(ledger.store.headPosition()).isEqualTo(220);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                RelayStatus status = ledger.relay().status();
                assertThat(status.state()).isEqualTo(RelayStatus.State.ACTIVE);
                assertThat(status.lagEvents()).isEqualTo(200);
                assertThat(status.lagSeconds()).isPositive();
                assertThat(status.failures()).isPositive();
            });
            assertThat(consumer.status().applied()).isEqualTo(20);

            cluster.startBroker(0);
            assertThat(ledger.awaitPublished(Duration.ofSeconds(60))).as("published after the outage: %s",
                    ledger.relay().status()).isTrue();
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(LedgerProjection.totals(consumerDb))
                    .usingRecursiveComparison().isEqualTo(ledger.expectedTotals()));
            assertThat(ledger.relay().status().lagEvents()).isZero();
            assertThat(consumer.status().applied()).isEqualTo(220);
            PublishedRecords.readCommitted(cluster, "outage")
                    .assertExactlyOnceInStreamOrder(ledger.store, "a broker outage");
        }
    }

    private static void appendRound(Ledger ledger, int round) {
        for (int stream = 0; stream < 20; stream++) {
            ledger.append(stream, round * 100L + stream);
        }
    }
}
