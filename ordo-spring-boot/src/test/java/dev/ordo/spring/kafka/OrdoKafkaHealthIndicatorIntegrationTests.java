package dev.ordo.spring.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ordo.kafka.RelayStatus;
import dev.ordo.spring.OrdoHealthIndicator;
import dev.ordo.spring.OrdoProperties;
import dev.ordo.test.kafka.KafkaHarness;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/**
 * The {@code ordoKafka} health against the test broker: UP while the active relay keeps up, DEGRADED while it lags
 * past either limit of {@code ordo.health.relay}, UP again once it caught up.
 */
@SuppressWarnings("unchecked")
class OrdoKafkaHealthIndicatorIntegrationTests {

    /** At most 10 s or 500 events behind. */
    private static final OrdoProperties.Lag LIMITS = new OrdoProperties.Lag(Duration.ofSeconds(10), 500);

    private final Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
            KafkaHarness.bootstrapServers()));
    private final AtomicReference<RelayStatus> relay = new AtomicReference<>(relay(RelayStatus.State.ACTIVE, 0, 0));
    private final OrdoKafkaHealthIndicator health = new OrdoKafkaHealthIndicator(admin, Duration.ofSeconds(5),
            relay::get, LIMITS);

    @AfterEach
    void closeTheAdmin() {
        admin.close();
    }

    private static RelayStatus relay(RelayStatus.State state, long lagEvents, double lagSeconds) {
        return new RelayStatus("shop", state, 100 - lagEvents, 100, lagEvents, lagSeconds, 100, 0, null);
    }

    @Test
    void isUpWithTheClusterAndTheRelayWhileTheRelayKeepsUp() {
        Health up = health.health();

        assertThat(up.getStatus()).isEqualTo(Status.UP);
        assertThat((Map<String, Object>) up.getDetails().get("cluster")).containsEntry("brokers", 1);
        assertThat((Map<String, Object>) up.getDetails().get("relay")).containsEntry("name", "shop")
                .containsEntry("lagEvents", 0L);
    }

    @Test
    void isDegradedWhileTheActiveRelayLagsLongerThanItsMaxLagAndUpOnceItCaughtUp() {
        relay.set(relay(RelayStatus.State.ACTIVE, 3, 10.0));
        assertThat(health.health().getStatus()).as("exactly at the limit").isEqualTo(Status.UP);
        relay.set(relay(RelayStatus.State.ACTIVE, 3, 12.5));

        Health degraded = health.health();

        assertThat(degraded.getStatus()).isEqualTo(OrdoHealthIndicator.DEGRADED);
        assertThat((List<String>) degraded.getDetails().get("degradedBy"))
                .containsExactly("relay shop lags 12.5 s behind the head, more than 10.0 s");
        relay.set(relay(RelayStatus.State.ACTIVE, 0, 0));
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void isDegradedWhileTheActiveRelayLagsMoreEventsThanItsMaxLagAndUpOnceItCaughtUp() {
        relay.set(relay(RelayStatus.State.ACTIVE, 501, 1.0));

        Health degraded = health.health();

        assertThat(degraded.getStatus()).isEqualTo(OrdoHealthIndicator.DEGRADED);
        assertThat((List<String>) degraded.getDetails().get("degradedBy"))
                .containsExactly("relay shop lags 501 events behind the head, more than 500");
        relay.set(relay(RelayStatus.State.ACTIVE, 500, 1.0));
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
    }
}
