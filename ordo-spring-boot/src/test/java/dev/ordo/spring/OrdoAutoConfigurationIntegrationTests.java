package dev.ordo.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import dev.ordo.core.deadletter.DeadLetterMetrics;
import dev.ordo.core.event.EventData;
import dev.ordo.core.event.EventMetadata;
import dev.ordo.core.event.RecordedEvent;
import dev.ordo.core.event.StreamId;
import dev.ordo.core.snapshot.SnapshotPolicy;
import dev.ordo.core.snapshot.SnapshotStore;
import dev.ordo.core.store.ExpectedVersion;
import dev.ordo.core.subscription.CheckpointStore;
import dev.ordo.core.subscription.Subscriptions;
import dev.ordo.jdbc.JdbcEventStore;
import dev.ordo.jdbc.JdbcProjection;
import dev.ordo.jdbc.OrdoDatabase;
import dev.ordo.jdbc.PostgresNotifications;
import dev.ordo.jdbc.ProjectionContext;
import dev.ordo.test.postgres.PostgresDatabase;
import dev.ordo.test.postgres.PostgresHarness;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

class OrdoAutoConfigurationIntegrationTests {

    @TempDir
    Path folder;

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(OrdoAutoConfiguration.class, OrdoHealthAutoConfiguration.class))
            .withBean(MeterRegistry.class, SimpleMeterRegistry::new);

    /** Counts events per stream into a table, to prove projection beans are started. */
    @Configuration(proxyBeanMethods = false)
    static class CountingProjectionConfig {
        @Bean
        JdbcProjection eventCounts() {
            return new JdbcProjection() {
                @Override
                public String name() {
                    return "event-counts";
                }

                @Override
                public int version() {
                    return 1;
                }

                @Override
                public List<String> tables() {
                    return List.of("event_counts");
                }

                @Override
                public void createTables(ProjectionContext context) throws SQLException {
                    try (Statement statement = context.connection().createStatement()) {
                        statement.execute("CREATE TABLE " + context.table("event_counts")
                                + " (stream_id TEXT PRIMARY KEY, events INTEGER NOT NULL)");
                    }
                }

                @Override
                public void apply(ProjectionContext context, RecordedEvent event) throws SQLException {
                    try (var upsert = context.connection().prepareStatement("INSERT INTO "
                            + context.table("event_counts") + " (stream_id, events) VALUES (?, 1) ON CONFLICT "
                            + "(stream_id) DO UPDATE SET events = " + context.table("event_counts") + ".events + 1")) {
                        upsert.setString(1, event.streamId().value());
                        upsert.executeUpdate();
                    }
                }
            };
        }
    }

    private static void appendTwo(JdbcEventStore store) {
        store.append(StreamId.of("cart-1"), ExpectedVersion.any(), List.of(
                EventData.of("cart.opened", 1, "{}", EventMetadata.empty()),
                EventData.of("cart.opened", 1, "{}", EventMetadata.empty())));
    }

    private static long countedEvents(OrdoDatabase database) throws SQLException {
        try (Connection connection = database.readDataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT events FROM event_counts WHERE stream_id = 'cart-1'")) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    @Test
    void withNoPropertiesItStoresEventsInASqliteFile() {
        Path file = folder.resolve("data/ordo.db");
        runner.withPropertyValues("ordo.store.sqlite.path=" + file).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(OrdoDatabase.class).dialectName()).isEqualTo("sqlite");
            assertThat(context).hasSingleBean(SnapshotStore.class).hasSingleBean(CheckpointStore.class)
                    .hasSingleBean(Subscriptions.class).hasSingleBean(DeadLetterMetrics.class)
                    .doesNotHaveBean(PostgresNotifications.class);
            appendTwo(context.getBean(JdbcEventStore.class));
            assertThat(file).exists();
        });
    }

    @Test
    void startsProjectionBeansAndKeepsThemUpToDate() {
        runner.withUserConfiguration(CountingProjectionConfig.class)
                .withPropertyValues("ordo.store.sqlite.path=" + folder.resolve("p.db")).run(context -> {
                    appendTwo(context.getBean(JdbcEventStore.class));
                    OrdoDatabase database = context.getBean(OrdoDatabase.class);

                    await().atMost(10, TimeUnit.SECONDS).until(() -> countedEvents(database) == 2);
                    Health health = context.getBean(OrdoHealthIndicator.class).health();
                    assertThat(health.getStatus()).isEqualTo(Status.UP);
                    assertThat(health.getDetails()).containsEntry("store", "sqlite").containsEntry("head", 2L);
                    assertThat(context.getBean(MeterRegistry.class).get("ordo.subscription.lag.events")
                            .tag("subscription", "event-counts").gauge()).isNotNull();
                });
    }

    @Test
    void startsProcessManagerBeansOnTheStoreAndTheirCommandsTakeEffectOncePerEvent() {
        runner.withUserConfiguration(ItemCounterConfig.Manager.class, ItemCounterConfig.Bus.class)
                .withPropertyValues("ordo.store.sqlite.path=" + folder.resolve("pm.db")).run(context -> {
                    assertThat(context).hasNotFailed();
                    JdbcEventStore store = context.getBean(JdbcEventStore.class);
                    store.append(StreamId.of("cart-1"), ExpectedVersion.any(), List.of(ItemCounterConfig.itemAdded(1),
                            ItemCounterConfig.itemAdded(2)));

                    await().atMost(10, TimeUnit.SECONDS).until(() -> store.readStreamForwards(
                            StreamId.of("count-cart-1")).size() == 2);
                    assertThat(context.getBean(OrdoProcessManagersLifecycle.class).subscriptions()).hasSize(1);
                });
    }

    @Test
    void aProcessManagerBeanWithoutACommandBusStopsTheStartNamingWhatIsMissing() {
        runner.withUserConfiguration(ItemCounterConfig.Manager.class)
                .withPropertyValues("ordo.store.sqlite.path=" + folder.resolve("pm-no-bus.db")).run(context ->
                        assertThat(context).hasFailed().getFailure().rootCause()
                                .hasMessageContaining("exactly one CommandBus bean"));
    }

    @Test
    void theSnapshotPolicyFollowsTheProperty() {
        runner.withPropertyValues("ordo.store.sqlite.path=" + folder.resolve("s.db"), "ordo.snapshots.every=0")
                .run(context -> assertThat(context.getBean(SnapshotPolicy.class).shouldSnapshot(1_000_000)).isFalse());
    }

    @Test
    void aPropertySwitchesToPostgresWithListenNotify() {
        PostgresDatabase db = PostgresHarness.newDatabase();
        runner.withUserConfiguration(CountingProjectionConfig.class)
                .withPropertyValues("ordo.store.type=postgres", "ordo.store.postgres.url=" + db.jdbcUrl(),
                        "ordo.store.postgres.username=" + db.user(), "ordo.store.postgres.password=" + db.password(),
                        "ordo.subscriptions.poll-interval=1h")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(OrdoDatabase.class).dialectName()).isEqualTo("postgresql");
                    assertThat(context).hasSingleBean(PostgresNotifications.class);
                    appendTwo(context.getBean(JdbcEventStore.class));

                    await().atMost(10, TimeUnit.SECONDS)
                            .until(() -> countedEvents(context.getBean(OrdoDatabase.class)) == 2);
                });
    }

    @Test
    void thePostgresPoolFailsFastWhenTheDatabaseIsUnreachable() {
        PostgresDatabase db = PostgresHarness.newDatabase();
        runner.withPropertyValues("ordo.store.type=postgres", "ordo.store.postgres.url=" + db.jdbcUrl(),
                        "ordo.store.postgres.username=" + db.user(), "ordo.store.postgres.password=" + db.password(),
                        "ordo.store.postgres.connection-timeout=3s", "ordo.store.postgres.socket-timeout=20s")
                .run(context -> {
                    HikariDataSource pool = context.getBean(HikariDataSource.class);
                    assertThat(pool.getConnectionTimeout()).isEqualTo(3_000);
                    assertThat(pool.getDataSourceProperties()).containsEntry("socketTimeout", 20L)
                            .containsEntry("tcpKeepAlive", true);
                });
    }

    @Test
    void postgresWithoutAUrlFailsWithAClearMessage() {
        runner.withPropertyValues("ordo.store.type=postgres").run(context -> assertThat(context).hasFailed()
                .getFailure().rootCause().hasMessageContaining("ordo.store.postgres.url"));
    }
}
