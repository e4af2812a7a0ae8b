package dev.ordo.kafka.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import dev.ordo.jdbc.OrdoDatabase;
import dev.ordo.jdbc.ProjectionContext;
import dev.ordo.test.kafka.KafkaHarness;
import dev.ordo.test.postgres.PostgresHarness;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/** Preparing a Kafka-fed read model on a database that several instances of a service share. */
class KafkaProjectionsIntegrationTests {

    private static KafkaSubscriptionConfig config() {
        return KafkaSubscriptionConfig.of("shared-ledger", KafkaHarness.bootstrapServers(), "ledger");
    }

    @Test
    void instancesStartingAtTheSameTimeOnOneDatabaseCreateTheReadModelOnceAndAllStart() throws Exception {
        try (HikariDataSource pool = PostgresHarness.newDatabase().pool(8);
             OrdoDatabase database = OrdoDatabase.postgres(pool);
             ExecutorService instances = Executors.newFixedThreadPool(2)) {
            // both found no read model and create it at the same moment
            CyclicBarrier creating = new CyclicBarrier(2);
            LedgerProjection projection = new LedgerProjection() {
                @Override
                public void createTables(ProjectionContext context) throws SQLException {
                    try {
                        creating.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException | BrokenBarrierException | TimeoutException e) {
                        throw new IllegalStateException(e);
                    }
                    super.createTables(context);
                }
            };
            List<Future<InboxHandler>> prepared = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                prepared.add(instances.submit(() -> KafkaProjections.prepare(config(), database, projection)));
            }

            for (Future<InboxHandler> instance : prepared) {
                assertThat(instance.get()).isNotNull();
            }
            assertThat(LedgerProjection.totals(database)).isEmpty();
        }
    }

    @Test
    void aReadModelOfAnotherVersionIsStillRefusedNamingBothVersions() {
        try (HikariDataSource pool = PostgresHarness.newDatabase().pool(4);
             OrdoDatabase database = OrdoDatabase.postgres(pool)) {
            KafkaProjections.prepare(config(), database, new LedgerProjection());

            assertThatThrownBy(() -> KafkaProjections.prepare(config(), database, new LedgerProjection() {
                @Override
                public int version() {
                    return 2;
                }
            })).hasMessageContaining("has version 1, the code version 2");
        }
    }
}
