package dev.ordo.saga;

import io.github.resilience4j.core.IntervalFunction;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * How often and how fast a step (or its compensation) is tried again: exponential backoff with jitter, computed by
 * Resilience4j's {@link IntervalFunction}, and a predicate that says which errors are worth retrying. Immutable.
 *
 * @param maxAttempts       attempts in all, at least 1
 * @param initialInterval   the pause before the second attempt
 * @param multiplier        how much each pause grows
 * @param randomization     jitter as a fraction of the pause (0 for none, at most 1)
 * @param maxInterval       the longest pause
 * @param retryable         which failures are tried again; the others fail the step at once
 */
public record StepRetry(int maxAttempts, Duration initialInterval, double multiplier, double randomization,
                        Duration maxInterval, Predicate<Throwable> retryable) {

    public StepRetry {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
        }
        Objects.requireNonNull(initialInterval, "initialInterval");
        Objects.requireNonNull(maxInterval, "maxInterval");
        Objects.requireNonNull(retryable, "retryable");
        if (initialInterval.isNegative() || initialInterval.isZero()) {
            throw new IllegalArgumentException("initialInterval must be positive, was " + initialInterval);
        }
        if (multiplier < 1) {
            throw new IllegalArgumentException("multiplier must be at least 1, was " + multiplier);
        }
        if (randomization < 0 || randomization >= 1) {
            throw new IllegalArgumentException("randomization must be in [0, 1), was " + randomization);
        }
    }

    /** Three attempts, 200 ms then 400 ms (±50 %), every exception but {@link NonRetryableStepException}. */
    public static StepRetry ofDefaults() {
        return new StepRetry(3, Duration.ofMillis(200), 2.0, 0.5, Duration.ofSeconds(10),
                e -> !(e instanceof NonRetryableStepException));
    }

    /** A single attempt. */
    public static StepRetry none() {
        return ofDefaults().withMaxAttempts(1);
    }

    public StepRetry withMaxAttempts(int value) {
        return new StepRetry(value, initialInterval, multiplier, randomization, maxInterval, retryable);
    }

    public StepRetry withBackoff(Duration initial, double factor, Duration max) {
        return new StepRetry(maxAttempts, initial, factor, randomization, max, retryable);
    }

    public StepRetry withRandomization(double value) {
        return new StepRetry(maxAttempts, initialInterval, multiplier, value, maxInterval, retryable);
    }

    public StepRetry retryingOn(Predicate<Throwable> value) {
        return new StepRetry(maxAttempts, initialInterval, multiplier, randomization, maxInterval, value);
    }

    /** The pause after the given failed attempt (1-based). */
    Duration pauseAfter(int attempt) {
        IntervalFunction intervals = randomization == 0
                ? IntervalFunction.ofExponentialBackoff(initialInterval, multiplier, maxInterval)
                : IntervalFunction.ofExponentialRandomBackoff(initialInterval, multiplier, randomization, maxInterval);
        return Duration.ofMillis(intervals.apply(attempt));
    }
}
