package dev.ordo.marketplace.payments.web;

import dev.ordo.marketplace.payments.app.ResilientPaymentProvider;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

/**
 * The {@code payments} health component: the provider's circuit breaker state and its recent calls. A closed breaker
 * is {@code UP}; an open or half-open one is {@link #DEGRADED} (orders are still taken, but their fulfilment
 * compensates while payments fail fast), which the application maps to HTTP 200 so an outage of the provider does not
 * take the marketplace out of service.
 */
@Component
class PaymentsHealthIndicator implements HealthIndicator {

    /** Working, with a dependency failing. */
    static final Status DEGRADED = new Status("DEGRADED", "the payment provider is failing; payments fail fast");

    private final ResilientPaymentProvider provider;

    PaymentsHealthIndicator(ResilientPaymentProvider provider) {
        this.provider = provider;
    }

    @Override
    public Health health() {
        CircuitBreaker breaker = provider.circuitBreaker();
        CircuitBreaker.Metrics metrics = breaker.getMetrics();
        Health.Builder health = switch (breaker.getState()) {
            case CLOSED, DISABLED, METRICS_ONLY -> Health.up();
            case OPEN, HALF_OPEN, FORCED_OPEN -> Health.status(DEGRADED);
        };
        return health.withDetail("circuitBreaker", breaker.getState().name())
                .withDetail("failureRate", metrics.getFailureRate())
                .withDetail("bufferedCalls", metrics.getNumberOfBufferedCalls())
                .withDetail("failedCalls", metrics.getNumberOfFailedCalls())
                .withDetail("notPermittedCalls", metrics.getNumberOfNotPermittedCalls())
                .build();
    }
}
