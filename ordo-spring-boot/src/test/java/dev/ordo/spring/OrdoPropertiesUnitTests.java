package dev.ordo.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ordo.core.subscription.PoisonPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** Ordo's settings as Spring binds them: the documented defaults when nothing is set, and what is set otherwise. */
class OrdoPropertiesUnitTests {

    private static OrdoProperties bound(Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values)).bindOrCreate("ordo", OrdoProperties.class);
    }

    @Test
    void withNothingSetEventsGoToASqliteFileWithTheDocumentedDefaults() {
        OrdoProperties properties = bound(Map.of());

        assertThat(properties.store().type()).isEqualTo(OrdoProperties.StoreType.SQLITE);
        assertThat(properties.store().sqlite()).isEqualTo(new OrdoProperties.Sqlite(Path.of("data", "ordo.db"), 4,
                Duration.ofSeconds(10)));
        assertThat(properties.store().maxPayloadBytes()).isEqualTo(1024 * 1024);
        assertThat(properties.store().postgres().connectionTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(properties.subscriptions().poisonPolicy()).isEqualTo(PoisonPolicy.RETRY_FOREVER);
        assertThat(properties.deadLetters().maxDelay()).isEqualTo(Duration.ofMinutes(1));
        assertThat(properties.commands().lockTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(properties.commands().combineUpTo()).isEqualTo(256);
        assertThat(properties.snapshots().every()).isEqualTo(100);
        assertThat(properties.health()).isEqualTo(new OrdoProperties.Health(
                new OrdoProperties.Lag(Duration.ofSeconds(30), 10_000),
                new OrdoProperties.Lag(Duration.ofSeconds(30), 10_000), 0));
    }

    @Test
    void theHealthLimitsAreBoundFromOrdoHealthAndNegativeOnesAreRefused() {
        OrdoProperties properties = bound(Map.of("ordo.health.subscriptions.max-lag", "2m",
                "ordo.health.subscriptions.max-lag-events", "500", "ordo.health.relay.max-lag", "5s",
                "ordo.health.max-parked-dead-letters", "3"));

        assertThat(properties.health().subscriptions()).isEqualTo(new OrdoProperties.Lag(Duration.ofMinutes(2), 500));
        assertThat(properties.health().relay()).isEqualTo(new OrdoProperties.Lag(Duration.ofSeconds(5), 10_000));
        assertThat(properties.health().maxParkedDeadLetters()).isEqualTo(3);
        assertThatThrownBy(() -> bound(Map.of("ordo.health.max-parked-dead-letters", "-1")))
                .rootCause().hasMessageContaining("ordo.health.max-parked-dead-letters");
        assertThatThrownBy(() -> bound(Map.of("ordo.health.relay.max-lag-events", "-1")))
                .rootCause().hasMessageContaining("must not be negative");
    }

    @Test
    void whatIsSetIsBoundAndThePasswordNeverShowsInTheSettingsText() {
        OrdoProperties properties = bound(Map.of("ordo.store.type", "postgres",
                "ordo.store.postgres.url", "jdbc:postgresql://db:5432/ordo", "ordo.store.postgres.password", "s3cret",
                "ordo.subscriptions.poison-policy", "park-and-continue", "ordo.commands.lock-timeout", "250ms",
                "ordo.commands.combine-up-to", "8"));

        assertThat(properties.store().type()).isEqualTo(OrdoProperties.StoreType.POSTGRES);
        assertThat(properties.store().postgres().password()).isEqualTo("s3cret");
        assertThat(properties.subscriptions().poisonPolicy()).isEqualTo(PoisonPolicy.PARK_AND_CONTINUE);
        assertThat(properties.commands().lockTimeout()).isEqualTo(Duration.ofMillis(250));
        assertThat(properties.commands().combineUpTo()).isEqualTo(8);
        assertThat(properties.toString()).contains("jdbc:postgresql://db:5432/ordo").doesNotContain("s3cret");
    }
}
