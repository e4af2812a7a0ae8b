package dev.ordo.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ordo.test.faults.SeededFaults;
import dev.ordo.test.kafka.KafkaHarness;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Two relays of one name on one PostgreSQL store: one publishes, the other waits; when the active one dies mid-run
 * (its producer abandoned mid-transaction, its database session ended), the standby takes over within seconds, and
 * every event still arrives exactly once in stream order.
 */
class RelayFailoverIntegrationTests {

    @Test
    void standbyTakesOverWhenTheActiveRelayDiesAndPublicationStaysExactlyOnce() throws Exception {
        SeededFaults faults = SeededFaults.fromSystemPropertyOrRandom("standbyTakesOver");
        KafkaHarness.createTopic("failover", 4);
        CrashPlan death = new CrashPlan(CrashPlan.Kind.DEATH, faults.pick(CrashPlan.Point.values()),
                150 + faults.nextInt(300));
        try (RelayStore store = RelayStore.postgres()) {
            store.append("failover", 100, 2, 5);
            RelayConfig config = RelayConfig.builder("failover-relay", KafkaHarness.bootstrapServers()).batchSize(100)
                    .leaseCheckInterval(Duration.ofMillis(200)).maxBackoff(Duration.ofMillis(500)).build();
            OutboxRelay active = new OutboxRelay(config, store.store, store.signal,
                    RelayLease.postgresAdvisoryLock(store.leaseConnections(), "failover-relay"), Clock.systemUTC(),
                    death.producers());
            active.start(null);
            await().atMost(Duration.ofSeconds(30)).until(() -> active.status().state() == RelayStatus.State.ACTIVE);
            try (OutboxRelay standby = OutboxRelay.start(config, store.store, store.signal,
                    RelayLease.postgresAdvisoryLock(store.leaseConnections(), "failover-relay"), null)) {
                Thread appender = Thread.ofVirtual().start(() -> store.append("failover", 100, 4, 5));
                assertThat(death.awaitCrash(Duration.ofSeconds(60))).as("%s (%s)", death, faults).isTrue();
                assertThat(standby.status().state()).isEqualTo(RelayStatus.State.STANDBY);
                assertThat(standby.status().published()).isZero();

                RelayLeaseIntegrationTests.terminateAdvisoryLockHolders(store.postgres);
                active.close();

                await().atMost(Duration.ofSeconds(10))
                        .until(() -> standby.status().state() == RelayStatus.State.ACTIVE);
                appender.join();
                assertThat(standby.awaitPublished(store.store.headPosition(), Duration.ofSeconds(60))).isTrue();
                assertThat(standby.status().published()).isPositive();
            }
            PublishedRecords published = PublishedRecords.readCommitted("failover");
            assertThat(published.size()).as(faults.toString()).isEqualTo(3_000);
            published.assertExactlyOnceInStreamOrder(store.store, death + ", " + faults);
        } finally {
            death.closeAll();
        }
    }
}
