package dev.ordo.marketplace.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ordo.marketplace.platform.ops.OpsMetrics;
import dev.ordo.marketplace.services.CatalogServiceApplication;
import dev.ordo.test.kafka.KafkaHarness;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The metrics of the dashboard and the alert rules that only the distributed mode exports, the outbox relay's, are
 * exported by a service that runs its relay: the catalog service, relaying to the test broker.
 */
class RelayDashboardsAndAlertsIntegrationTests {

    @TempDir
    Path folder;

    @Test
    void everyRelayMetricTheDashboardAndTheAlertsNameIsExportedByAServiceRunningItsRelay() {
        String prefix = "ops-" + UUID.randomUUID().toString().substring(0, 8);
        KafkaHarness.createTopic(prefix + ".product", 1);
        try (ConfigurableApplicationContext catalog = new SpringApplicationBuilder(CatalogServiceApplication.class)
                .run("--server.port=0", "--ordo.store.type=sqlite",
                        "--ordo.store.sqlite.path=" + folder.resolve("catalog.db"), "--marketplace.demo-data=true",
                        "--ordo.kafka.bootstrap-servers=" + KafkaHarness.bootstrapServers(),
                        "--ordo.kafka.relay.enabled=true", "--ordo.kafka.relay.name=" + prefix + "-catalog",
                        "--ordo.kafka.relay.topic-prefix=" + prefix + ".", "--ordo.kafka.relay.categories=product",
                        "--management.tracing.export.enabled=false", "--spring.main.banner-mode=off")) {
            Api api = new Api(catalog.getEnvironment().getRequiredProperty("local.server.port", Integer.class));
            Set<String> exported = OpsMetrics.exportedNames(api.get("/actuator/prometheus").expect(200).body());

            Map<String, Set<String>> relay = DashboardsAndAlertsIntegrationTests.named(true);
            assertThat(relay).as("the relay's metrics are named (lag, failures, active)").isNotEmpty();
            assertThat(OpsMetrics.missing(relay, exported))
                    .as("relay metrics named in %s or %s that a relaying service does not export",
                            OpsMetrics.DASHBOARD, OpsMetrics.ALERTS).isEmpty();
        }
    }
}
