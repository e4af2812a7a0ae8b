package dev.ordo.saga;

import io.github.resilience4j.core.IntervalFunction;
import java.time.Duration;
import java.util.Objects;

/**
 * Pauses that grow with each consecutive failure of the infrastructure: exponential (doubling) with ±50 % jitter,
 * capped, computed by Resilience4j's {@link IntervalFunction}. Immutable.
 *
 * @param initial the pause after the first failure
 * @param max     the longest pause
 */
record Backoff(Duration initial, Duration max) {

    Backoff {
        Objects.requireNonNull(initial, "initial");
        Objects.requireNonNull(max, "max");
        if (initial.isNegative() || initial.isZero()) {
            throw new IllegalArgumentException("the first pause must be positive, was " + initial);
        }
        if (max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("the longest pause " + max + " is shorter than the first " + initial);
        }
    }

    /** The pause after the given number of consecutive failures (from 1). */
    Duration after(int failures) {
        return Duration.ofMillis(IntervalFunction.ofExponentialRandomBackoff(initial, 2.0, 0.5, max)
                .apply(Math.max(1, Math.min(failures, 64))));
    }
}
