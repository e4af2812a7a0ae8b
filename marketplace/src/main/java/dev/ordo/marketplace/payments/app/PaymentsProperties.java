package dev.ordo.marketplace.payments.app;

import dev.ordo.marketplace.payments.fake.FakePaymentSettings;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code marketplace.payments.*}: how the fake provider behaves ({@code latency}, {@code decline-rate},
 * {@code timeout-rate}, {@code outage}) and how calls to it are protected ({@code resilience.*}).
 */
@ConfigurationProperties("marketplace.payments")
public record PaymentsProperties(@DefaultValue("20ms") Duration latency, @DefaultValue("0") double declineRate,
                                 @DefaultValue("0") double timeoutRate, @DefaultValue("false") boolean outage,
                                 @DefaultValue Resilience resilience) {

    /** See {@link PaymentResilience} for what each value means. */
    public record Resilience(@DefaultValue("2s") Duration callTimeout, @DefaultValue("3") int maxAttempts,
                             @DefaultValue("100ms") Duration initialBackoff, @DefaultValue("2s") Duration maxBackoff,
                             @DefaultValue("50") float failureRateThreshold,
                             @DefaultValue("10") int slidingWindowSize, @DefaultValue("5") int minimumCalls,
                             @DefaultValue("10s") Duration waitInOpenState, @DefaultValue("2") int halfOpenCalls) {
    }

    public FakePaymentSettings fake() {
        return new FakePaymentSettings(latency, declineRate, timeoutRate, outage);
    }

    public PaymentResilience protection() {
        return new PaymentResilience(resilience.callTimeout(), resilience.maxAttempts(), resilience.initialBackoff(),
                resilience.maxBackoff(), resilience.failureRateThreshold(), resilience.slidingWindowSize(),
                resilience.minimumCalls(), resilience.waitInOpenState(), resilience.halfOpenCalls());
    }
}
