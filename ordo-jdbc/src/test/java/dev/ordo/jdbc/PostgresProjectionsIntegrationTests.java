package dev.ordo.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import dev.ordo.core.event.RecordedEvent;
import dev.ordo.core.event.StreamId;
import dev.ordo.core.store.ExpectedVersion;
import dev.ordo.core.subscription.CheckpointedConsumer;
import dev.ordo.core.subscription.HeadSignal;
import dev.ordo.core.subscription.InMemoryCheckpointStore;
import dev.ordo.core.subscription.Subscription;
import dev.ordo.core.subscription.SubscriptionStatus;
import dev.ordo.core.subscription.Subscriptions;
import dev.ordo.test.contract.ContractEvents;
import dev.ordo.test.postgres.PostgresDatabase;
import dev.ordo.test.postgres.PostgresHarness;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Projections on PostgreSQL, and subscriptions woken by commits of another process through LISTEN/NOTIFY. */
class PostgresProjectionsIntegrationTests extends JdbcProjectionsContract {

    private final List<HikariDataSource> pools = new ArrayList<>();
    private PostgresDatabase db;

    @Override
    OrdoDatabase openDatabase() {
        db = PostgresHarness.newDatabase();
        return OrdoDatabase.postgres(pool());
    }

    private HikariDataSource pool() {
        HikariDataSource pool = db.pool(6);
        pools.add(pool);
        return pool;
    }

    @AfterEach
    void closePools() {
        pools.forEach(HikariDataSource::close);
    }

    @Test
    void aSubscriptionIsWokenByACommitOfAnotherProcess() {
        OrdoDatabase other = OrdoDatabase.postgres(pool());
        HeadSignal signal = new HeadSignal();
        List<RecordedEvent> received = Collections.synchronizedList(new ArrayList<>());
        try (JdbcEventStore reader = JdbcEventStore.create(database);
             JdbcEventStore writer = JdbcEventStore.create(other);
             PostgresNotifications ignored = PostgresNotifications.start(database, signal);
             Subscriptions subscriptions = new Subscriptions(reader, signal, null, Clock.systemUTC())) {
            Subscription listener = subscriptions.start("listener", new CheckpointedConsumer("listener",
                    new InMemoryCheckpointStore(), received::addAll), OPTIONS);
            await().atMost(10, TimeUnit.SECONDS)
                    .until(() -> listener.status().state() == SubscriptionStatus.State.LIVE);

            writer.append(StreamId.of("cart-9"), ExpectedVersion.any(), List.of(ContractEvents.itemAdded("tea", 1)));

            await().atMost(10, TimeUnit.SECONDS).until(() -> received.size() == 1);
            assertThat(signal.head()).isEqualTo(1);
        }
    }
}
