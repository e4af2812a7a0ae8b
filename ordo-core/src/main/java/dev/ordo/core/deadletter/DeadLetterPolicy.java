package dev.ordo.core.deadletter;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;

/**
 * How often a failing message is tried and how long to wait between attempts: after attempt {@code n} fails, the
 * next one is due after {@code initialDelay * multiplier^(n-1)}, at most {@code maxDelay}, spread by
 * {@code ± jitter} of itself (never beyond {@code maxDelay}); after {@code maxAttempts} failed attempts the letter is
 * parked. Delays are whole milliseconds. Immutable and thread-safe.
 */
public final class DeadLetterPolicy {

    private static final DeadLetterPolicy DEFAULTS = builder().build();

    private final int maxAttempts;
    private final Duration initialDelay;
    private final double multiplier;
    private final Duration maxDelay;
    private final double jitter;

    private DeadLetterPolicy(Builder builder) {
        this.maxAttempts = builder.maxAttempts;
        this.initialDelay = builder.initialDelay;
        this.multiplier = builder.multiplier;
        this.maxDelay = builder.maxDelay;
        this.jitter = builder.jitter;
    }

    /**
     * 5 attempts, 1 s then doubling up to 1 min, ± 10 % jitter: a message is parked about 15 s after it first failed.
     */
    public static DeadLetterPolicy ofDefaults() {
        return DEFAULTS;
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from this policy. */
    public Builder toBuilder() {
        return new Builder().maxAttempts(maxAttempts).initialDelay(initialDelay).multiplier(multiplier)
                .maxDelay(maxDelay).jitter(jitter);
    }

    /** How many failed attempts park a letter; at least 1. */
    public int maxAttempts() {
        return maxAttempts;
    }

    public Duration initialDelay() {
        return initialDelay;
    }

    public double multiplier() {
        return multiplier;
    }

    public Duration maxDelay() {
        return maxDelay;
    }

    /** The spread of each delay, from 0 (none) to below 1. */
    public double jitter() {
        return jitter;
    }

    /** The delay before the next attempt once {@code attempts} attempts failed, with jitter from a shared source. */
    public Duration delayAfter(int attempts) {
        return delayAfter(attempts, ThreadLocalRandom.current());
    }

    /**
     * The delay before the next attempt once {@code attempts} attempts failed.
     *
     * @throws IllegalArgumentException when {@code attempts} is below 1
     */
    public Duration delayAfter(int attempts, RandomGenerator random) {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1, was " + attempts);
        }
        double max = maxDelay.toMillis();
        double delay = Math.min(max, initialDelay.toMillis() * Math.pow(multiplier, attempts - 1));
        if (jitter > 0) {
            delay = Math.min(max, delay * (1 - jitter + 2 * jitter * random.nextDouble()));
        }
        return Duration.ofMillis(Math.round(delay));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DeadLetterPolicy that && maxAttempts == that.maxAttempts
                && initialDelay.equals(that.initialDelay) && multiplier == that.multiplier
                && maxDelay.equals(that.maxDelay) && jitter == that.jitter;
    }

    @Override
    public int hashCode() {
        return Objects.hash(maxAttempts, initialDelay, multiplier, maxDelay, jitter);
    }

    @Override
    public String toString() {
        return "DeadLetterPolicy[maxAttempts=" + maxAttempts + ", initialDelay=" + initialDelay + ", multiplier="
                + multiplier + ", maxDelay=" + maxDelay + ", jitter=" + jitter + "]";
    }

    /** Builds a {@link DeadLetterPolicy}; each setter validates its value at once. Not thread-safe. */
    public static final class Builder {

        private int maxAttempts = 5;
        private Duration initialDelay = Duration.ofSeconds(1);
        private double multiplier = 2.0;
        private Duration maxDelay = Duration.ofMinutes(1);
        private double jitter = 0.1;

        private Builder() {
        }

        /** @throws IllegalArgumentException when below 1 */
        public Builder maxAttempts(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("maxAttempts must be at least 1, was " + value);
            }
            this.maxAttempts = value;
            return this;
        }

        /** @throws IllegalArgumentException when negative */
        public Builder initialDelay(Duration value) {
            Objects.requireNonNull(value, "initialDelay");
            if (value.isNegative()) {
                throw new IllegalArgumentException("initialDelay must not be negative, was " + value);
            }
            this.initialDelay = value;
            return this;
        }

        /** @throws IllegalArgumentException when below 1 or not finite */
        public Builder multiplier(double value) {
            if (!(value >= 1.0) || Double.isInfinite(value)) {
                throw new IllegalArgumentException("multiplier must be a finite number of at least 1, was " + value);
            }
            this.multiplier = value;
            return this;
        }

        /** @throws IllegalArgumentException when negative */
        public Builder maxDelay(Duration value) {
            Objects.requireNonNull(value, "maxDelay");
            if (value.isNegative()) {
                throw new IllegalArgumentException("maxDelay must not be negative, was " + value);
            }
            this.maxDelay = value;
            return this;
        }

        /** @throws IllegalArgumentException when not in {@code [0, 1)} */
        public Builder jitter(double value) {
            if (!(value >= 0.0 && value < 1.0)) {
                throw new IllegalArgumentException("jitter must be at least 0 and below 1, was " + value);
            }
            this.jitter = value;
            return this;
        }

        /** @throws IllegalArgumentException when the maximum delay is shorter than the initial one */
        public DeadLetterPolicy build() {
            if (maxDelay.compareTo(initialDelay) < 0) {
                throw new IllegalArgumentException("maxDelay (" + maxDelay + ") must not be shorter than initialDelay ("
                        + initialDelay + ")");
            }
            return new DeadLetterPolicy(this);
        }
    }
}
