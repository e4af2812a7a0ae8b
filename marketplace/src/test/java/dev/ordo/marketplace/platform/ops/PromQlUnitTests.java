package dev.ordo.marketplace.platform.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PromQlUnitTests {

    @Test
    void findsTheMetricOfAnAggregationOverARate() {
        assertThat(PromQl.metricNames("sum by (status) (rate(x_total[5m]))")).containsExactly("x_total");
    }

    @Test
    void findsTheBucketsOfAHistogramQuantileButNotTheQuantileOrTheLeLabel() {
        assertThat(PromQl.metricNames("histogram_quantile(0.99, sum by (le) (rate(y_seconds_bucket[5m])))"))
                .containsExactly("y_seconds_bucket");
    }

    @Test
    void skipsLabelNamesAndValuesOfMatchersEvenWhenAValueLooksLikeAMetricOrHoldsABrace() {
        assertThat(PromQl.metricNames("marketplace_orders{status=\"PAID\", job=~\"orders|query\", x!=\"a}b\"} > 0"))
                .containsExactly("marketplace_orders");
    }

    @Test
    void findsBothSidesOfABinaryOperationWithTheirVectorMatchingClauses() {
        assertThat(PromQl.metricNames("sum by (command) (rate(a_count{outcome!=\"success\"}[5m])) / on (command) "
                + "group_left sum by (command) (rate(b_count[5m])) > bool 0.05"))
                .containsExactly("a_count", "b_count");
    }

    @Test
    void skipsGrafanaVariablesInRangesAndMatchers() {
        assertThat(PromQl.metricNames("max by (subscription) (max_over_time(lag_seconds{instance=~\"$instance\", "
                + "job=\"${job}\"}[$__rate_interval]))")).containsExactly("lag_seconds");
    }

    @Test
    void skipsKeywordsNumbersDurationsAndOffsets() {
        assertThat(PromQl.metricNames("increase(c_total[1h30m] offset 1d) and on() d == 1e3 or e unless f < .5"))
                .containsExactly("c_total", "d", "e", "f");
    }

    @Test
    void namesEachMetricOnceInTheOrderItFirstAppears() {
        assertThat(PromQl.metricNames("rate(b_total[5m]) / rate(a_total[5m]) + rate(b_total[1m])"))
                .containsExactly("b_total", "a_total");
    }

    @Test
    void findsMetricsInsideSubqueriesAndWithoutClauses() {
        assertThat(PromQl.metricNames("max_over_time(sum without (instance) (rate(r_total[1m]))[30m:1m])"))
                .containsExactly("r_total");
    }

    @Test
    void skipsTheStringArgumentsOfLabelFunctions() {
        assertThat(PromQl.metricNames("label_replace(up, \"service\", \"$1\", \"job\", \"(.*)\")"))
                .containsExactly("up");
    }

    @Test
    void findsAMetricWithColonsAsRecordingRulesNameThem() {
        assertThat(PromQl.metricNames("job:ordo_commands:rate5m > 10")).containsExactly("job:ordo_commands:rate5m");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  "})
    void refusesABlankExpression(String blank) {
        assertThatThrownBy(() -> PromQl.metricNames(blank)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("blank");
    }
}
