package dev.ordo.marketplace.platform.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OpsMetricsUnitTests {

    private static final String DASHBOARD = """
            {"panels": [
              {"type": "row", "title": "Collapsed", "panels": [
                {"title": "Inner", "targets": [{"refId": "A", "expr": "sum(rate(inner_total[$__rate_interval]))"}]}]},
              {"title": "Outer", "targets": [{"refId": "A", "expr": "outer_seconds_count"},
                                            {"refId": "B", "expr": "outer_lag"}]},
              {"type": "text", "title": "Notes"}],
             "templating": {"list": [
               {"type": "datasource", "name": "datasource", "query": "prometheus"},
               {"type": "query", "name": "job", "query": {"query": "label_values(head{env=\\"a\\", x=\\"b\\"}, job)"}},
               {"type": "query", "name": "all", "query": "label_values(job)"},
               {"type": "query", "name": "top", "query": "query_result(topk(3, picked_total))"}]}}
            """;

    @Test
    void readsTheTargetsOfEveryPanelRowsIncludedAndTheQueriesOfTheVariables() {
        assertThat(OpsMetrics.dashboardQueries(DASHBOARD)).containsExactly(
                new OpsMetrics.Query("panel 'Inner'", "sum(rate(inner_total[$__rate_interval]))"),
                new OpsMetrics.Query("panel 'Outer'", "outer_seconds_count"),
                new OpsMetrics.Query("panel 'Outer'", "outer_lag"),
                new OpsMetrics.Query("variable 'job'", "head{env=\"a\", x=\"b\"}"),
                new OpsMetrics.Query("variable 'top'", "topk(3, picked_total)"));
    }

    @Test
    void refusesATargetWithoutAnExpressionAndAVariableQueryItCannotRead() {
        assertThatThrownBy(() -> OpsMetrics.dashboardQueries("{\"panels\": [{\"title\": \"Logs\", \"targets\": "
                + "[{\"refId\": \"A\", \"query\": \"{app=~\\\"x\\\"}\"}]}]}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("panel 'Logs'");
        assertThatThrownBy(() -> OpsMetrics.dashboardQueries("{\"templating\": {\"list\": [{\"type\": \"query\", "
                + "\"name\": \"m\", \"query\": \"metrics(ordo_.*)\"}]}}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("variable 'm'");
    }

    @Test
    void readsTheExpressionOfEveryAlertingAndRecordingRule() {
        String rules = """
                groups:
                  - name: a
                    rules:
                      - alert: Down
                        expr: up == 0
                      - record: job:x:rate5m
                        expr: sum by (job) (rate(x_total[5m]))
                  - name: b
                    rules:
                      - alert: Slow
                        expr: |
                          job:x:rate5m > 10
                """;

        assertThat(OpsMetrics.ruleQueries(rules)).containsExactly(new OpsMetrics.Query("alert Down", "up == 0"),
                new OpsMetrics.Query("record job:x:rate5m", "sum by (job) (rate(x_total[5m]))"),
                new OpsMetrics.Query("alert Slow", "job:x:rate5m > 10\n"));
    }

    @Test
    void namesTheSamplesOfAScrapeAsPrometheusStoresThem() {
        String scrape = """
                # HELP ordo_commands_seconds commands handled through the command bus
                # TYPE ordo_commands_seconds histogram
                ordo_commands_seconds_bucket{command="PlaceOrder",outcome="success",le="0.001"} 0
                ordo_commands_seconds_count{command="PlaceOrder",outcome="success"} 1
                ordo_commands_seconds_sum{command="PlaceOrder",outcome="success"} 0.01
                # TYPE ordo_store_head gauge
                ordo_store_head 42.0

                """;

        assertThat(OpsMetrics.exportedNames(scrape)).containsExactlyInAnyOrder("ordo_commands_seconds_bucket",
                "ordo_commands_seconds_count", "ordo_commands_seconds_sum", "ordo_store_head");
    }

    @Test
    void listsTheNamedMetricsThatAreNotExportedWithWhereTheyAreNamed() {
        Map<String, Set<String>> named = Map.of("a_total", Set.of("panel 'A'"), "b_total", Set.of("alert B"));

        assertThat(OpsMetrics.missing(named, Set.of("a_total"))).containsExactly("b_total (named in alert B)");
    }

    @Test
    void theRelaysMetricsAreTheDistributedModesOnlyAndUpIsPrometheusOwn() {
        assertThat(OpsMetrics.distributedOnly("ordo_relay_lag_seconds")).isTrue();
        assertThat(OpsMetrics.distributedOnly("ordo_subscription_lag_seconds")).isFalse();
        assertThat(OpsMetrics.prometheusOwn("up")).isTrue();
        assertThat(OpsMetrics.prometheusOwn("ordo_store_head")).isFalse();
    }

    @Test
    void everyExpressionOfTheRepositorysDashboardAndAlertsNamesAMetric() {
        Map<String, Set<String>> named = OpsMetrics.named();

        assertThat(named).containsKeys("marketplace_orders", "ordo_commands_seconds_bucket", "ordo_sagas_total",
                "ordo_subscription_lag_seconds", "ordo_relay_lag_seconds", "resilience4j_circuitbreaker_state",
                "ordo_deadletters_open");
    }
}
