package dev.ordo.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ordo.test.faults.SeededFaults;
import dev.ordo.test.kafka.KafkaHarness;
import dev.ordo.test.postgres.PostgresDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The relay as a real process, killed with SIGKILL at seeded random moments while events are appended: mid-transaction
 * as often as not (batches of 50 under a steady load). What each death leaves open is aborted by the next relay's
 * start; at the end the topic holds every event once, in stream order.
 */
class RelayKilledProcessIntegrationTests {

    private static final Logger log = LoggerFactory.getLogger(RelayKilledProcessIntegrationTests.class);

    @TempDir
    Path folder;

    @Test
    void aRelayProcessKilledAgainAndAgainUnderLoadLosesNothingAndPublishesNothingTwice() throws Exception {
        SeededFaults faults = SeededFaults.fromSystemPropertyOrRandom("RelayKilledProcessIntegrationTests");
        KafkaHarness.createTopic("killed", 4);
        try (RelayStore store = RelayStore.postgres()) {
            PostgresDatabase db = store.postgres;
            AtomicBoolean appending = new AtomicBoolean(true);
            Path childLog = folder.resolve("relay-child.log");
            try (ExecutorService load = Executors.newSingleThreadExecutor()) {
                Future<?> appends = load.submit(() -> {
                    while (appending.get()) {
                        store.append("killed", 10, 1, 3);
                        LockSupport.parkNanos(Duration.ofMillis(40).toNanos());
                    }
                });
                for (int kill = 1; kill <= 4; kill++) {
                    Process child = RelayProcess.start(childLog, db.jdbcUrl(), db.user(), db.password(),
                            KafkaHarness.bootstrapServers(), "killed-relay", "killed");
                    int leases = kill;
                    await().atMost(Duration.ofSeconds(60)).until(() -> child.isAlive()
                            && occurrences(childLog, "resumes after position") >= leases);
                    // then let it publish under load for a seeded number of further appended events
                    long killAt = store.store.headPosition() + faults.nextLong(100, 900);
                    await().atMost(Duration.ofSeconds(60)).until(() -> store.store.headPosition() >= killAt);
                    child.destroyForcibly();
                    assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
                    log.info("relay process {} killed (SIGKILL) at head {} (seed {})", kill, killAt, faults.seed());
                }
                appending.set(false);
                appends.get();
            }

            long head = store.store.headPosition();
            try (OutboxRelay last = OutboxRelay.start(RelayProcess.config(KafkaHarness.bootstrapServers(),
                    "killed-relay", "killed"), store.store, store.signal,
                    RelayLease.postgresAdvisoryLock(store.leaseConnections(), "killed-relay"), null)) {
                assertThat(last.awaitPublished(head, Duration.ofSeconds(60)))
                        .as("the last relay catches up: %s", last.status()).isTrue();
                assertThat(last.status().published()).as("the killed relays published some of it")
                        .isLessThan(head);
            }
            PublishedRecords published = PublishedRecords.readCommitted("killed");
            assertThat(published.size()).isEqualTo((int) head);
            published.assertExactlyOnceInStreamOrder(store.store, "relay processes killed, seed " + faults.seed());
        }
    }

    private static long occurrences(Path file, String text) throws IOException {
        if (!Files.exists(file)) {
            return 0;
        }
        try (var lines = Files.lines(file)) {
            return lines.filter(line -> line.contains(text)).count();
        }
    }
}
