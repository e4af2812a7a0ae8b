package dev.ordo.marketplace.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ordo.marketplace.platform.ops.OpsMetrics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The Grafana dashboard and the Prometheus alert rules of {@code deploy/} read only metrics that the embedded
 * marketplace exports on {@code /actuator/prometheus} once an order went through its fulfilment saga. The outbox
 * relay's metrics are the exception: the relay runs only in the distributed mode, so
 * {@link RelayDashboardsAndAlertsIntegrationTests} checks those against a service that runs one.
 */
class DashboardsAndAlertsIntegrationTests extends MarketplaceApiTests {

    @TempDir
    static Path folder;

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        TestStores.sqlite(registry, () -> folder);
        registry.add("marketplace.fulfilment.enabled", () -> "true");
        registry.add("marketplace.payments.latency", () -> "5ms");
    }

    @Test
    void everyMetricTheDashboardAndTheAlertsNameIsExportedOnceAnOrderWasFulfilled() {
        String id = placed(newId(), item(available(0), 1)).get("orderId").asString();
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(50))
                .until(() -> api.get("/orders/" + id + "/fulfilment"),
                        r -> r.status() == 200 && r.json().get("status").asString().equals("COMPLETED"));
        Set<String> exported = OpsMetrics.exportedNames(api.get("/actuator/prometheus").expect(200).body());

        Map<String, Set<String>> embedded = named(false);
        assertThat(embedded).as("metrics the embedded marketplace must export").isNotEmpty();
        assertThat(OpsMetrics.missing(embedded, exported))
                .as("metrics named in %s or %s that /actuator/prometheus does not export", OpsMetrics.DASHBOARD,
                        OpsMetrics.ALERTS).isEmpty();
        assertThat(named(true).keySet()).as("the relay's metrics are not the embedded marketplace's")
                .doesNotContainAnyElementsOf(exported);
    }

    /** The named metrics of the distributed mode only, or all the others; Prometheus's own series left out. */
    static Map<String, Set<String>> named(boolean distributedOnly) {
        return OpsMetrics.named().entrySet().stream()
                .filter(e -> !OpsMetrics.prometheusOwn(e.getKey()))
                .filter(e -> OpsMetrics.distributedOnly(e.getKey()) == distributedOnly)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, TreeMap::new));
    }
}
