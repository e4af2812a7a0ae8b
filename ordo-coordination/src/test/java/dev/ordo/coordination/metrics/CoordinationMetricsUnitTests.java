package dev.ordo.coordination.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ordo.coordination.service.CoordinationException;
import dev.ordo.coordination.service.ServiceCoordinator;
import dev.ordo.coordination.service.ServiceGraph;
import dev.ordo.coordination.service.StepKey;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CoordinationMetricsUnitTests {

    private static final StepKey<Integer> PRICE = StepKey.of("price");
    private static final StepKey<Integer> TAX = StepKey.of("tax");

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final CoordinationMetrics metrics = CoordinationMetrics.of(registry);
    private final ServiceCoordinator services = ServiceCoordinator.ofDefaults();

    /** Fails for a negative amount. */
    private final ServiceGraph<Integer, Integer> quote = ServiceGraph.<Integer, Integer>builder("quote")
            .step(PRICE, (cents, r) -> {
                if (cents < 0) {
                    throw new IllegalArgumentException("negative amount");
                }
                return cents;
            })
            .step(TAX, List.of(PRICE), (cents, r) -> r.get(PRICE) / 5)
            .aggregate((cents, r) -> r.get(PRICE) + r.get(TAX))
            .build();

    /** Whether each timer asked for a percentile histogram (SimpleMeterRegistry itself publishes no buckets). */
    private final Map<String, Boolean> histogramRequested = new ConcurrentHashMap<>();

    @BeforeEach
    void measureTheCoordinator() {
        registry.config().meterFilter(new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (id.getType() == Meter.Type.TIMER) {
                    String tags = id.getTag("step") == null ? id.getTag("operation")
                            : id.getTag("operation") + "/" + id.getTag("step");
                    histogramRequested.put(id.getName() + "[" + tags + "]", config.isPercentileHistogram());
                }
                return config;
            }
        });
        services.eventPublisher().subscribe("metrics", metrics);
    }

    @Test
    void countsRunsByOutcomeSoThatTheSuccessRateIsSuccessesOverTotal() {
        services.run(quote, 100);
        services.run(quote, 200);
        services.run(quote, 300);
        assertThatThrownBy(() -> services.run(quote, -1)).isInstanceOf(CoordinationException.class);

        OperationStats stats = metrics.stats("quote");
        assertThat(stats.successes()).isEqualTo(3);
        assertThat(stats.failures()).isEqualTo(1);
        assertThat(stats.total()).isEqualTo(4);
        assertThat(stats.successRate()).isEqualTo(0.75);
        assertThat(stats.maxDuration()).isPositive();
        assertThat(stats.meanDuration()).isPositive().isLessThanOrEqualTo(stats.maxDuration());
        assertThat(registry.get(CoordinationMetrics.RUNS).tag("operation", "quote").tag("outcome", "success")
                .counter().count()).isEqualTo(3);
        assertThat(registry.get(CoordinationMetrics.RUNS).tag("operation", "quote").tag("outcome", "failure")
                .counter().count()).isEqualTo(1);
    }

    @Test
    void recordsRunAndStepDurationsInTimersWithPercentileHistograms() {
        services.run(quote, 100);
        services.run(quote, 250);
        assertThatThrownBy(() -> services.run(quote, -1)).isInstanceOf(CoordinationException.class);

        Timer runs = registry.get(CoordinationMetrics.DURATION).tag("operation", "quote").timer();
        Timer price = registry.get(CoordinationMetrics.STEP_DURATION).tag("operation", "quote").tag("step", "price")
                .timer();
        Timer tax = registry.get(CoordinationMetrics.STEP_DURATION).tag("operation", "quote").tag("step", "tax")
                .timer();
        assertThat(runs.count()).isEqualTo(3);
        assertThat(price.count()).as("failed steps are timed too").isEqualTo(3);
        assertThat(tax.count()).isEqualTo(2);
        assertThat(histogramRequested).containsOnly(
                Map.entry(CoordinationMetrics.DURATION + "[quote]", true),
                Map.entry(CoordinationMetrics.STEP_DURATION + "[quote/price]", true),
                Map.entry(CoordinationMetrics.STEP_DURATION + "[quote/tax]", true));
    }

    @Test
    void keepsStatsPerOperationAndHasNoSuccessRateBeforeTheFirstRun() {
        assertThat(metrics.stats("quote").successRate()).isNaN();
        assertThat(metrics.stats("quote").meanDuration()).isEqualTo(Duration.ZERO);

        services.run(quote, 100);
        services.run(ServiceGraph.<String, String>builder("echo").step(StepKey.<String>of("same"), (text, r) -> text)
                .aggregate((text, r) -> text).build(), "x");

        assertThat(metrics.stats()).extracting(OperationStats::operation).containsExactly("echo", "quote");
        assertThat(metrics.stats("echo").successRate()).isEqualTo(1.0);
    }

    @Test
    void keepsStatsInMemoryWithoutAMeterRegistry() {
        CoordinationMetrics inMemory = CoordinationMetrics.inMemory();
        ServiceCoordinator coordinator = ServiceCoordinator.ofDefaults();
        coordinator.eventPublisher().subscribe(inMemory);

        coordinator.run(quote, 100);

        assertThat(inMemory.stats("quote").successes()).isEqualTo(1);
        assertThat(registry.find(CoordinationMetrics.RUNS).counters()).isEmpty();
    }
}
