package dev.ordo.spring.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ordo.core.event.EventData;
import dev.ordo.core.event.EventMetadata;
import dev.ordo.core.event.RecordedEvent;
import dev.ordo.core.event.StreamId;
import dev.ordo.core.store.ExpectedVersion;
import dev.ordo.core.saga.SagaStatus;
import dev.ordo.jdbc.JdbcEventStore;
import dev.ordo.jdbc.JdbcProjection;
import dev.ordo.jdbc.OrdoDatabase;
import dev.ordo.jdbc.ProjectionContext;
import dev.ordo.kafka.consumer.KafkaSubscription;
import dev.ordo.kafka.OutboxRelay;
import dev.ordo.kafka.RelayHeaders;
import dev.ordo.kafka.RelayStatus;
import dev.ordo.spring.OrdoAutoConfiguration;
import dev.ordo.spring.OrdoHealthAutoConfiguration;
import dev.ordo.saga.SagaDefinition;
import dev.ordo.saga.SagaEngine;
import dev.ordo.saga.SagaState;
import dev.ordo.spring.ItemCounterConfig;
import dev.ordo.spring.OrdoProcessManagersLifecycle;
import dev.ordo.spring.OrdoProjectionsLifecycle;
import dev.ordo.test.kafka.KafkaHarness;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@SuppressWarnings("unchecked")
class OrdoKafkaAutoConfigurationIntegrationTests {

    @TempDir
    Path folder;

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(OrdoAutoConfiguration.class, OrdoHealthAutoConfiguration.class,
                    OrdoKafkaAutoConfiguration.class))
            .withBean(MeterRegistry.class, SimpleMeterRegistry::new);

    private static void appendThree(JdbcEventStore store, String stream) {
        List<EventData> events = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            events.add(EventData.of("cart.item-added", 1, "{\"i\":" + i + "}", EventMetadata.empty()));
        }
        store.append(StreamId.of(stream), ExpectedVersion.any(), events);
    }

    @Test
    void anEnabledRelayPublishesTheStoresEventsToTheMappedTopicAndShowsItsLagInHealth() {
        KafkaHarness.createTopic("boot-carts", 2);
        runner.withPropertyValues("ordo.store.sqlite.path=" + folder.resolve("relay.db"),
                "ordo.kafka.bootstrap-servers=" + KafkaHarness.bootstrapServers(),
                "ordo.kafka.relay.enabled=true", "ordo.kafka.relay.name=boot-relay",
                "ordo.kafka.relay.topics.cart=boot-carts").run(context -> {
                    assertThat(context).hasNotFailed().hasSingleBean(OutboxRelay.class);
                    appendThree(context.getBean(JdbcEventStore.class), "cart-1");
                    OutboxRelay relay = context.getBean(OutboxRelay.class);

                    assertThat(relay.awaitPublished(3, Duration.ofSeconds(30))).isTrue();
                    List<ConsumerRecord<String, byte[]>> records = readCommitted("boot-carts", 3);
                    assertThat(records).extracting(ConsumerRecord::key).containsOnly("cart-1");
                    assertThat(records).extracting(r -> RelayHeaders.value(r.headers(), RelayHeaders.STREAM_VERSION))
                            .containsExactly("1", "2", "3");

                    Health health = context.getBean(OrdoKafkaHealthIndicator.class).health();
                    assertThat(health.getStatus()).isEqualTo(Status.UP);
                    assertThat((Map<String, Object>) health.getDetails().get("cluster")).containsEntry("brokers", 1);
                    assertThat((Map<String, Object>) health.getDetails().get("relay")).containsEntry("name", "boot-relay")
                            .containsEntry("state", RelayStatus.State.ACTIVE).containsEntry("position", 3L)
                            .containsEntry("lagEvents", 0L);
                    assertThat(context.getBean(MeterRegistry.class).get("ordo.relay.lag.events")
                            .tag("relay", "boot-relay").gauge().value()).isZero();
                });
    }

    /** Counts events per stream, the same code whichever source feeds it. */
    @Configuration(proxyBeanMethods = false)
    static class CountingProjectionConfig {
        @Bean
        JdbcProjection cartCounts() {
            return new JdbcProjection() {
                @Override
                public String name() {
                    return "cart-counts";
                }

                @Override
                public int version() {
                    return 1;
                }

                @Override
                public List<String> tables() {
                    return List.of("cart_counts");
                }

                @Override
                public void createTables(ProjectionContext context) throws SQLException {
                    context.update("CREATE TABLE " + context.table("cart_counts")
                            + " (stream_id TEXT PRIMARY KEY, events INTEGER NOT NULL)");
                }

                @Override
                public void apply(ProjectionContext context, RecordedEvent event) throws SQLException {
                    context.update("INSERT INTO " + context.table("cart_counts") + " (stream_id, events) VALUES (?, 1)"
                            + " ON CONFLICT (stream_id) DO UPDATE SET events = " + context.table("cart_counts")
                            + ".events + 1", event.streamId().value());
                }
            };
        }
    }

    @Test
    void aProjectionBeanIsFedFromKafkaThroughAnInboxWhenConfiguredSo() {
        KafkaHarness.createTopic("boot-fed-carts", 2);
        runner.withUserConfiguration(CountingProjectionConfig.class).withPropertyValues(
                "ordo.store.sqlite.path=" + folder.resolve("fed.db"),
                "ordo.kafka.bootstrap-servers=" + KafkaHarness.bootstrapServers(),
                "ordo.kafka.relay.enabled=true", "ordo.kafka.relay.name=boot-fed-relay",
                "ordo.kafka.relay.topics.cart=boot-fed-carts", "ordo.kafka.projections.enabled=true",
                "ordo.kafka.projections.topics=boot-fed-carts", "ordo.kafka.projections.group-prefix=shop.")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    appendThree(context.getBean(JdbcEventStore.class), "cart-4");
                    OrdoDatabase database = context.getBean(OrdoDatabase.class);

                    await().atMost(Duration.ofSeconds(30)).until(() -> counted(database, "cart-4") == 3);
                    KafkaSubscription subscription = context.getBean(OrdoKafkaProjectionsLifecycle.class)
                            .subscriptions().getFirst();
                    assertThat(subscription.status().group()).isEqualTo("shop.cart-counts");
                    assertThat(subscription.status().applied()).isEqualTo(3);
                    assertThat(inboxVersion(database, "shop.cart-counts", "cart-4")).isEqualTo(3);
                });
    }

    @Test
    void aProjectionNotNamedAmongThoseFedFromKafkaFollowsTheStore() {
        runner.withUserConfiguration(CountingProjectionConfig.class).withPropertyValues(
                "ordo.store.sqlite.path=" + folder.resolve("named.db"),
                "ordo.kafka.bootstrap-servers=" + KafkaHarness.bootstrapServers(),
                "ordo.kafka.projections.enabled=true", "ordo.kafka.projections.names=some-replica",
                "ordo.kafka.projections.topics=boot-unused")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    appendThree(context.getBean(JdbcEventStore.class), "cart-6");
                    OrdoDatabase database = context.getBean(OrdoDatabase.class);

                    await().atMost(Duration.ofSeconds(30)).until(() -> counted(database, "cart-6") == 3);
                    assertThat(context.getBean(OrdoKafkaProjectionsLifecycle.class).subscriptions()).isEmpty();
                });
    }

    @Test
    void aProcessManagerBeanIsFedFromKafkaThroughAnInboxWhenConfiguredSo() {
        KafkaHarness.createTopic("boot-pm-carts", 2);
        runner.withUserConfiguration(ItemCounterConfig.Manager.class, ItemCounterConfig.Bus.class).withPropertyValues(
                "ordo.store.sqlite.path=" + folder.resolve("pm-fed.db"),
                "ordo.kafka.bootstrap-servers=" + KafkaHarness.bootstrapServers(),
                "ordo.kafka.relay.enabled=true", "ordo.kafka.relay.name=boot-pm-relay",
                "ordo.kafka.relay.categories=cart", "ordo.kafka.relay.topics.cart=boot-pm-carts",
                "ordo.kafka.process-managers.enabled=true", "ordo.kafka.process-managers.topics=boot-pm-carts",
                "ordo.kafka.process-managers.group-prefix=shop.")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(OrdoProcessManagersLifecycle.class).subscriptions()).isEmpty();
                    JdbcEventStore store = context.getBean(JdbcEventStore.class);
                    store.append(StreamId.of("cart-9"), ExpectedVersion.any(), List.of(
                            ItemCounterConfig.itemAdded(1), ItemCounterConfig.itemAdded(2),
                            ItemCounterConfig.itemAdded(3)));

                    await().atMost(Duration.ofSeconds(30)).until(() -> store.readStreamForwards(
                            StreamId.of("count-cart-9")).size() == 3);
                    KafkaSubscription subscription = context.getBean(OrdoKafkaProcessManagersLifecycle.class)
                            .subscriptions().getFirst();
                    assertThat(subscription.status().group()).isEqualTo("shop.item-counter");
                    await().atMost(Duration.ofSeconds(10)).until(() -> subscription.status().applied() == 3);
                    assertThat(inboxVersion(context.getBean(OrdoDatabase.class), "shop.item-counter", "cart-9"))
                            .isEqualTo(3);
                });
    }

    @Test
    void aSagasRemoteStepIsAnsweredOverKafkaAndTheReplyListenerRecordsTheReplyInTheEngineBean() {
        KafkaHarness.createTopic(SagaOverKafkaConfig.COMMANDS, 2);
        KafkaHarness.createTopic(SagaOverKafkaConfig.REPLIES, 2);
        runner.withUserConfiguration(SagaOverKafkaConfig.class).withPropertyValues(
                "ordo.store.sqlite.path=" + folder.resolve("saga.db"),
                "ordo.kafka.bootstrap-servers=" + KafkaHarness.bootstrapServers(),
                "ordo.kafka.sagas.reply-topic=" + SagaOverKafkaConfig.REPLIES,
                "ordo.kafka.sagas.reply-group=boot-greeting-saga")
                .run(context -> {
                    assertThat(context).hasNotFailed().hasSingleBean(OrdoKafkaReplyListenerLifecycle.class);
                    SagaEngine engine = context.getBean(SagaEngine.class);
                    UUID id = UUID.randomUUID();
                    engine.start(context.getBean(SagaDefinition.class), id,
                            new SagaOverKafkaConfig.Greeting("ada", null), EventMetadata.empty());

                    SagaState state = engine.await(id, Duration.ofSeconds(30), SagaStatus.COMPLETED,
                            SagaStatus.COMPENSATED, SagaStatus.PARKED);
                    assertThat(state.status()).isEqualTo(SagaStatus.COMPLETED);
                    assertThat(state.data()).contains("hello, ada");
                });
    }

    @Test
    void withoutAReplyTopicNoReplyListenerRunsButTheClientSettingsAreThere() {
        runner.withUserConfiguration(SagaOverKafkaConfig.class).withPropertyValues(
                "ordo.store.sqlite.path=" + folder.resolve("no-replies.db"),
                "ordo.kafka.bootstrap-servers=" + KafkaHarness.bootstrapServers(),
                "ordo.kafka.client.client.rack=rack-7")
                .run(context -> {
                    assertThat(context).hasNotFailed().doesNotHaveBean(OrdoKafkaReplyListenerLifecycle.class);
                    assertThat(context.getBean(OrdoKafkaClients.class).properties())
                            .containsEntry("bootstrap.servers", KafkaHarness.bootstrapServers())
                            .containsEntry("client.rack", "rack-7");
                });
    }

    private static long counted(OrdoDatabase database, String stream) throws SQLException {
        try (Connection connection = database.readDataSource().getConnection();
             var select = connection.prepareStatement("SELECT events FROM cart_counts WHERE stream_id = ?")) {
            select.setString(1, stream);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        } catch (SQLException e) {
            return -1;
        }
    }

    private static long inboxVersion(OrdoDatabase database, String group, String stream) throws SQLException {
        try (Connection connection = database.readDataSource().getConnection();
             var select = connection.prepareStatement(
                     "SELECT version FROM ordo_inbox WHERE consumer = ? AND stream_id = ?")) {
            select.setString(1, group);
            select.setString(2, stream);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    @Test
    void withoutEnablingItNoRelayRunsAndHealthShowsOnlyTheCluster() {
        runner.withPropertyValues("ordo.store.sqlite.path=" + folder.resolve("plain.db"),
                "ordo.kafka.bootstrap-servers=" + KafkaHarness.bootstrapServers()).run(context -> {
                    assertThat(context).hasNotFailed().doesNotHaveBean(OutboxRelay.class);
                    Health health = context.getBean(OrdoKafkaHealthIndicator.class).health();
                    assertThat(health.getStatus()).isEqualTo(Status.UP);
                    assertThat(health.getDetails()).containsKey("cluster").doesNotContainKey("relay");
                });
    }

    @Test
    void withoutBootstrapServersNothingKafkaIsConfigured() {
        runner.withPropertyValues("ordo.store.sqlite.path=" + folder.resolve("none.db")).run(context ->
                assertThat(context).hasNotFailed().doesNotHaveBean(OutboxRelay.class)
                        .doesNotHaveBean(OrdoKafkaHealthIndicator.class));
    }

    @Test
    void anEnabledRelayWithoutBootstrapServersFailsNamingTheProperty() {
        runner.withPropertyValues("ordo.store.sqlite.path=" + folder.resolve("bad.db"),
                "ordo.kafka.relay.enabled=true").run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure()).rootCause()
                            .hasMessageContaining("ordo.kafka.bootstrap-servers");
                });
    }

    @Test
    void whileKafkaDoesNotAnswerAppendsSucceedAndHealthIsDegradedWithNothingPublished() throws IOException {
        runner.withPropertyValues("ordo.store.sqlite.path=" + folder.resolve("away.db"),
                "ordo.kafka.bootstrap-servers=localhost:" + unusedPort(), "ordo.kafka.health-timeout=500ms",
                "ordo.kafka.relay.enabled=true", "ordo.kafka.relay.name=away-relay",
                "ordo.kafka.relay.kafka-timeout=1s", "ordo.kafka.relay.max-backoff=500ms").run(context -> {
                    appendThree(context.getBean(JdbcEventStore.class), "cart-9");
                    OutboxRelay relay = context.getBean(OutboxRelay.class);

                    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                        assertThat(relay.status().state()).isEqualTo(RelayStatus.State.ACTIVE);
                        assertThat(relay.status().failures()).isPositive();
                    });
                    Health health = context.getBean(OrdoKafkaHealthIndicator.class).health();
                    assertThat(health.getStatus()).isEqualTo(new Status("DEGRADED"));
                    assertThat((Map<String, Object>) health.getDetails().get("cluster")).containsKey("error");
                    assertThat((Map<String, Object>) health.getDetails().get("relay"))
                            .containsEntry("state", RelayStatus.State.ACTIVE).containsEntry("published", 0L)
                            .containsKey("lastError");
                    assertThat(context.getBean(JdbcEventStore.class).headPosition()).isEqualTo(3);
                });
    }

    private static int unusedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static List<ConsumerRecord<String, byte[]>> readCommitted(String topic, int expected) {
        Properties properties = KafkaHarness.cluster().clientProperties();
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(properties, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                return records.size() >= expected;
            });
        }
        return records;
    }
}
