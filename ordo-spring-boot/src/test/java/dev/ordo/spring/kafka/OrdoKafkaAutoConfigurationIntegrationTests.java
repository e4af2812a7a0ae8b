package dev.ordo.spring.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ordo.core.event.EventData;
import dev.ordo.core.event.EventMetadata;
import dev.ordo.core.event.StreamId;
import dev.ordo.core.store.ExpectedVersion;
import dev.ordo.jdbc.JdbcEventStore;
import dev.ordo.kafka.OutboxRelay;
import dev.ordo.kafka.RelayHeaders;
import dev.ordo.kafka.RelayStatus;
import dev.ordo.spring.OrdoAutoConfiguration;
import dev.ordo.spring.OrdoHealthAutoConfiguration;
import dev.ordo.test.kafka.KafkaHarness;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
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
