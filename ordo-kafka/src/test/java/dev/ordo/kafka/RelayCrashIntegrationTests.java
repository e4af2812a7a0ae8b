package dev.ordo.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ordo.test.faults.SeededFaults;
import dev.ordo.test.kafka.KafkaHarness;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A relay cut short at seeded points (mid-transaction, just before or just after a commit; by death or by an
 * interrupt), several times in a run while events keep being appended, loses nothing and publishes nothing twice.
 */
class RelayCrashIntegrationTests {

    private static final Logger log = LoggerFactory.getLogger(RelayCrashIntegrationTests.class);
    private static final int BATCH = 100;
    private static final int CRASHES = 6;

    @TempDir
    Path folder;

    @Test
    void relayCutShortAtRandomPointsResumesWithNoLossAndNoDuplicate() throws Exception {
        SeededFaults faults = SeededFaults.fromSystemPropertyOrRandom("relayCutShortAtRandomPoints");
        KafkaHarness.createTopic("crashy", 6);
        List<CrashPlan> plans = new ArrayList<>();
        try (RelayStore store = RelayStore.sqlite(folder)) {
            store.append("crashy", 100, 2, 10);
            Thread appender = Thread.ofVirtual().start(() -> store.append("crashy", 100, 4, 5));
            RelayConfig config = RelayConfig.builder("crash-relay", KafkaHarness.bootstrapServers()).batchSize(BATCH)
                    .leaseCheckInterval(Duration.ofMillis(200)).maxBackoff(Duration.ofMillis(500)).build();
            RelayLease lease = RelayLease.inProcess(folder + ":crash-relay");

            for (int i = 0; i < CRASHES; i++) {
                // more events than any plan's sends before its crash, so that every run has a crash to reach
                store.append("crashy", 100, 1, 5);
                CrashPlan plan = CrashPlan.drawn(faults, BATCH);
                plans.add(plan);
                log.info("run {}: {} ({})", i + 1, plan, faults);
                OutboxRelay relay = new OutboxRelay(config, store.store, store.signal, lease, Clock.systemUTC(),
                        plan.producers());
                relay.start(null);
                assertThat(plan.awaitCrash(Duration.ofSeconds(60))).as("crash %s (%s)", plan, faults).isTrue();
                if (plan.kind == CrashPlan.Kind.INTERRUPT) {
                    // the relay itself discards the interrupted transaction and goes on
                    long published = relay.status().published();
                    await().atMost(Duration.ofSeconds(30)).until(() -> relay.status().published() > published
                            || relay.status().lagEvents() == 0);
                }
                relay.close();
            }
            appender.join();

            try (OutboxRelay last = OutboxRelay.start(config, store.store, store.signal, lease, null)) {
                assertThat(last.awaitPublished(store.store.headPosition(), Duration.ofSeconds(60))).isTrue();
            }
            PublishedRecords published = PublishedRecords.readCommitted("crashy");
            assertThat(published.size()).as(faults.toString()).isEqualTo(4_000 + CRASHES * 500);
            published.assertExactlyOnceInStreamOrder(store.store, faults.toString());
        } finally {
            plans.forEach(CrashPlan::closeAll);
        }
    }
}
