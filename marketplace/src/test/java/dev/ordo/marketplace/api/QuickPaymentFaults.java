package dev.ordo.marketplace.api;

import java.time.Duration;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Payment resilience for tests that make the provider fail: a 2-second call timeout, retries from 20 ms, a breaker that
 * opens after 4 calls and stays open for a minute, and three payment attempts by the fulfilment, so a failure is
 * retried, given up or parked within seconds.
 */
public final class QuickPaymentFaults {

    private QuickPaymentFaults() {
    }

    /** @param firstPause how long the fulfilment waits before its second payment attempt */
    public static void register(DynamicPropertyRegistry registry, Duration firstPause) {
        registry.add("marketplace.payments.resilience.call-timeout", () -> "2s");
        registry.add("marketplace.payments.resilience.initial-backoff", () -> "20ms");
        registry.add("marketplace.payments.resilience.sliding-window-size", () -> "4");
        registry.add("marketplace.payments.resilience.minimum-calls", () -> "4");
        registry.add("marketplace.payments.resilience.wait-in-open-state", () -> "60s");
        registry.add("marketplace.fulfilment.payment.attempts", () -> "3");
        registry.add("marketplace.fulfilment.payment.first-pause", () -> firstPause.toMillis() + "ms");
    }
}
