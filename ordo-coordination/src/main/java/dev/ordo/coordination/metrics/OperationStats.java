package dev.ordo.coordination.metrics;

import java.time.Duration;
import java.util.Objects;

/**
 * The runs of one operation so far, as one consistent snapshot. Immutable.
 *
 * @param operation     the operation's name
 * @param successes     runs that completed
 * @param failures      runs that failed
 * @param totalDuration the durations of all those runs added up
 * @param maxDuration   the longest run; zero when there was none
 */
public record OperationStats(String operation, long successes, long failures, Duration totalDuration,
                             Duration maxDuration) {

    public OperationStats {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(totalDuration, "totalDuration");
        Objects.requireNonNull(maxDuration, "maxDuration");
        if (successes < 0 || failures < 0) {
            throw new IllegalArgumentException("run counts must not be negative");
        }
    }

    /** No run yet. */
    static OperationStats none(String operation) {
        return new OperationStats(operation, 0, 0, Duration.ZERO, Duration.ZERO);
    }

    /** Every run that ended, whatever its outcome. */
    public long total() {
        return successes + failures;
    }

    /**
     * {@code successes / total}, in [0, 1]. {@link Double#NaN} when there was
     * no run, so "no data" cannot pass for a perfect or a zero rate.
     */
    public double successRate() {
        long total = total();
        return total == 0 ? Double.NaN : (double) successes / total;
    }

    /** The mean run duration; zero when there was no run. */
    public Duration meanDuration() {
        long total = total();
        return total == 0 ? Duration.ZERO : totalDuration.dividedBy(total);
    }
}
