package dev.ordo.saga;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/**
 * Saga metrics: {@code ordo.sagas} (counter by type and event: started, completed, compensated, parked) and
 * {@code ordo.saga.steps} (timer by type, step and outcome). A no-op without a registry.
 */
final class SagaMetrics {

    private final MeterRegistry registry;

    SagaMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void saga(String type, String event) {
        if (registry != null) {
            Counter.builder("ordo.sagas").tag("type", type).tag("event", event)
                    .description("saga lifecycle events").register(registry).increment();
        }
    }

    void step(String type, String step, String outcome, long startedNanos) {
        if (registry != null) {
            Timer.builder("ordo.saga.steps").tag("type", type).tag("step", step).tag("outcome", outcome)
                    .description("saga step attempts").publishPercentileHistogram().register(registry)
                    .record(Duration.ofNanos(System.nanoTime() - startedNanos));
        }
    }
}
