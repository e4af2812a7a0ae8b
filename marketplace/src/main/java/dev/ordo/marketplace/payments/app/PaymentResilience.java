package dev.ordo.marketplace.payments.app;

import java.time.Duration;
import java.util.Objects;

/**
 * How calls to the payment provider are protected. Immutable.
 *
 * @param callTimeout          the longest one call may take (Resilience4j TimeLimiter); a slower call is abandoned
 *                             and counts as a failure
 * @param maxAttempts          attempts per operation (Retry), declines are never retried
 * @param initialBackoff       the pause before the second attempt; it doubles, with ±50 % jitter
 * @param maxBackoff           the longest pause
 * @param failureRateThreshold the failure percentage that opens the circuit breaker
 * @param slidingWindowSize    how many recent calls the breaker looks at
 * @param minimumCalls         calls needed before the breaker computes a failure rate
 * @param waitInOpenState      how long the open breaker refuses every call before letting trial calls through
 * @param halfOpenCalls        trial calls in the half-open state
 */
public record PaymentResilience(Duration callTimeout, int maxAttempts, Duration initialBackoff, Duration maxBackoff,
                                float failureRateThreshold, int slidingWindowSize, int minimumCalls,
                                Duration waitInOpenState, int halfOpenCalls) {

    public PaymentResilience {
        Objects.requireNonNull(callTimeout, "callTimeout");
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        Objects.requireNonNull(waitInOpenState, "waitInOpenState");
        if (maxAttempts < 1 || slidingWindowSize < 1 || minimumCalls < 1 || halfOpenCalls < 1) {
            throw new IllegalArgumentException("attempts, window, minimum and half-open calls must be at least 1");
        }
        if (failureRateThreshold <= 0 || failureRateThreshold > 100) {
            throw new IllegalArgumentException("failureRateThreshold must be in (0, 100], was " + failureRateThreshold);
        }
    }

    /**
     * 2 s per call, 3 attempts from 100 ms, and a breaker that opens at 50 % failures of the last 10 calls (at least 5)
     * for 10 s, then tries 2 calls.
     */
    public static PaymentResilience ofDefaults() {
        return new PaymentResilience(Duration.ofSeconds(2), 3, Duration.ofMillis(100), Duration.ofSeconds(2), 50, 10,
                5, Duration.ofSeconds(10), 2);
    }
}
