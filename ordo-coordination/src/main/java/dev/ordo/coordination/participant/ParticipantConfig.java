package dev.ordo.coordination.participant;

import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * How a {@link Participant} protects its calls. Immutable; build one with {@link #builder()}.
 *
 * <p>Defaults ({@link #ofDefaults()}): a 1 s time limit (Resilience4j's default); the circuit breaker configuration
 * of the registry the breaker comes from; no retry (one attempt); no bulkhead. With retry, the wait before retry
 * {@code n} (1, 2...) is {@code initialBackoff * multiplier^(n-1)}, spread at random by &plusmn;{@code jitter} of
 * itself, and never more than {@code maxBackoff}; retried are the exceptions listed with {@link Builder#retryOn}, or any
 * {@link Exception} when none is listed, never a {@link CallNotPermittedException} (the breaker is open: retrying
 * cannot help) nor an {@link InterruptedException} (the caller is being stopped).
 */
public final class ParticipantConfig {

    private static final ParticipantConfig DEFAULTS = builder().build();

    private final Duration timeLimit;
    private final int maxAttempts;
    private final Duration initialBackoff;
    private final double backoffMultiplier;
    private final double jitter;
    private final Duration maxBackoff;
    private final List<Class<? extends Throwable>> retryOn;
    private final int maxConcurrentCalls;
    private final Duration maxBulkheadWait;
    private final CircuitBreakerConfig circuitBreaker;

    private ParticipantConfig(Builder builder) {
        this.timeLimit = builder.timeLimit;
        this.maxAttempts = builder.maxAttempts;
        this.initialBackoff = builder.initialBackoff;
        this.backoffMultiplier = builder.backoffMultiplier;
        this.jitter = builder.jitter;
        this.maxBackoff = builder.maxBackoff;
        this.retryOn = List.copyOf(builder.retryOn);
        this.maxConcurrentCalls = builder.maxConcurrentCalls;
        this.maxBulkheadWait = builder.maxBulkheadWait;
        this.circuitBreaker = builder.circuitBreaker;
    }

    /** The defaults described on the class. */
    public static ParticipantConfig ofDefaults() {
        return DEFAULTS;
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** How long one attempt may take before it is cancelled. */
    public Duration timeLimit() {
        return timeLimit;
    }

    /** Attempts per call, the first included; 1 means no retry. */
    public int maxAttempts() {
        return maxAttempts;
    }

    /** The wait before the first retry. */
    public Duration initialBackoff() {
        return initialBackoff;
    }

    /** By how much each wait grows over the previous one. */
    public double backoffMultiplier() {
        return backoffMultiplier;
    }

    /** The fraction by which each wait is spread at random, in [0, 1). */
    public double jitter() {
        return jitter;
    }

    /** The longest wait between attempts, before the jitter. */
    public Duration maxBackoff() {
        return maxBackoff;
    }

    /** The exceptions that are retried (with their subclasses); empty means any exception. */
    public List<Class<? extends Throwable>> retryOn() {
        return retryOn;
    }

    /**
     * Whether the given failure would be retried (attempts left permitting): never an {@link Error}, an interruption
     * of the caller or a {@link CallNotPermittedException}.
     */
    public boolean isRetryable(Throwable failure) {
        if (failure instanceof CallNotPermittedException || failure instanceof InterruptedException
                || !(failure instanceof Exception)) {
            return false;
        }
        return retryOn.isEmpty() || retryOn.stream().anyMatch(type -> type.isInstance(failure));
    }

    /** How many calls may run at once; empty when there is no bulkhead. */
    public OptionalInt maxConcurrentCalls() {
        return maxConcurrentCalls == 0 ? OptionalInt.empty() : OptionalInt.of(maxConcurrentCalls);
    }

    /** How long a call waits for a place in the bulkhead before it is refused. */
    public Duration maxBulkheadWait() {
        return maxBulkheadWait;
    }

    /** The breaker's own configuration; empty to use the registry's default. */
    public Optional<CircuitBreakerConfig> circuitBreaker() {
        return Optional.ofNullable(circuitBreaker);
    }

    TimeLimiterConfig timeLimiterConfig() {
        return TimeLimiterConfig.custom().timeoutDuration(timeLimit).cancelRunningFuture(true).build();
    }

    RetryConfig retryConfig() {
        return RetryConfig.custom()
                .maxAttempts(maxAttempts)
                .intervalFunction(IntervalFunction.ofExponentialRandomBackoff(initialBackoff, backoffMultiplier,
                        jitter, maxBackoff))
                .retryOnException(this::isRetryable)
                .build();
    }

    BulkheadConfig bulkheadConfig() {
        return BulkheadConfig.custom().maxConcurrentCalls(maxConcurrentCalls).maxWaitDuration(maxBulkheadWait).build();
    }

    @Override
    public String toString() {
        return "ParticipantConfig[timeLimit=" + timeLimit + ", maxAttempts=" + maxAttempts + ", initialBackoff="
                + initialBackoff + ", backoffMultiplier=" + backoffMultiplier + ", jitter=" + jitter + ", maxBackoff="
                + maxBackoff + ", retryOn=" + retryOn + ", maxConcurrentCalls=" + maxConcurrentCalls()
                + ", maxBulkheadWait=" + maxBulkheadWait + ", circuitBreaker="
                + (circuitBreaker == null ? "registry default" : circuitBreaker) + "]";
    }

    /** Builds a {@link ParticipantConfig}; every setter validates its argument. Not thread-safe. */
    public static final class Builder {

        private Duration timeLimit = Duration.ofSeconds(1);
        private int maxAttempts = 1;
        private Duration initialBackoff = Duration.ofMillis(100);
        private double backoffMultiplier = 2.0;
        private double jitter = 0.5;
        private Duration maxBackoff = Duration.ofSeconds(10);
        private List<Class<? extends Throwable>> retryOn = List.of();
        private int maxConcurrentCalls;
        private Duration maxBulkheadWait = Duration.ZERO;
        private CircuitBreakerConfig circuitBreaker;

        private Builder() {
        }

        /**
         * How long one attempt may take; 1 s unless set.
         *
         * @throws IllegalArgumentException when not positive
         */
        public Builder timeLimit(Duration timeLimit) {
            this.timeLimit = positive(timeLimit, "timeLimit");
            return this;
        }

        /**
         * Retries a failed call with exponential backoff: up to {@code maxAttempts} attempts in all, waiting
         * {@code initialBackoff} before the first retry. The multiplier (2 unless set), jitter (0.5 unless set) and
         * cap (10 s unless set) have their own setters.
         *
         * @throws IllegalArgumentException when maxAttempts is below 1 or the backoff is under a millisecond
         */
        public Builder retry(int maxAttempts, Duration initialBackoff) {
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("maxAttempts must be at least 1 (1 = no retry), was " + maxAttempts);
            }
            this.maxAttempts = maxAttempts;
            this.initialBackoff = atLeastAMillisecond(initialBackoff, "initialBackoff");
            return this;
        }

        /** @throws IllegalArgumentException when below 1 */
        public Builder backoffMultiplier(double multiplier) {
            if (!(multiplier >= 1.0) || Double.isInfinite(multiplier)) {
                throw new IllegalArgumentException("backoffMultiplier must be a finite number of at least 1, was "
                        + multiplier);
            }
            this.backoffMultiplier = multiplier;
            return this;
        }

        /** @throws IllegalArgumentException when not in [0, 1) */
        public Builder jitter(double jitter) {
            if (!(jitter >= 0.0 && jitter < 1.0)) {
                throw new IllegalArgumentException("jitter must be in [0, 1), was " + jitter);
            }
            this.jitter = jitter;
            return this;
        }

        /** @throws IllegalArgumentException when under a millisecond */
        public Builder maxBackoff(Duration maxBackoff) {
            this.maxBackoff = atLeastAMillisecond(maxBackoff, "maxBackoff");
            return this;
        }

        /**
         * Retries only these exceptions and their subclasses; any exception unless set.
         *
         * @throws IllegalArgumentException when none is given
         */
        @SafeVarargs
        public final Builder retryOn(Class<? extends Throwable>... retryable) {
            if (retryable.length == 0) {
                throw new IllegalArgumentException("retryOn needs at least one exception type");
            }
            List<Class<? extends Throwable>> types = new ArrayList<>();
            for (Class<? extends Throwable> type : retryable) {
                types.add(Objects.requireNonNull(type, "retryOn"));
            }
            this.retryOn = List.copyOf(types);
            return this;
        }

        /**
         * Limits how many calls run at once: a call waits up to {@code maxWait} for a place, then fails with a
         * {@link io.github.resilience4j.bulkhead.BulkheadFullException}. No limit unless set.
         *
         * @throws IllegalArgumentException when maxConcurrentCalls is below 1 or maxWait negative
         */
        public Builder bulkhead(int maxConcurrentCalls, Duration maxWait) {
            if (maxConcurrentCalls < 1) {
                throw new IllegalArgumentException("maxConcurrentCalls must be at least 1, was " + maxConcurrentCalls);
            }
            Objects.requireNonNull(maxWait, "maxWait");
            if (maxWait.isNegative()) {
                throw new IllegalArgumentException("maxWait must not be negative, was " + maxWait);
            }
            this.maxConcurrentCalls = maxConcurrentCalls;
            this.maxBulkheadWait = maxWait;
            return this;
        }

        /**
         * The breaker's configuration, used when the registry creates the breaker (a breaker that already exists
         * under the name keeps its own). The registry's default unless set.
         */
        public Builder circuitBreaker(CircuitBreakerConfig config) {
            this.circuitBreaker = Objects.requireNonNull(config, "circuitBreaker");
            return this;
        }

        /** @throws IllegalArgumentException when the backoff cap is below the initial backoff */
        public ParticipantConfig build() {
            if (maxBackoff.compareTo(initialBackoff) < 0) {
                throw new IllegalArgumentException("maxBackoff (" + maxBackoff + ") must not be below initialBackoff ("
                        + initialBackoff + ")");
            }
            return new ParticipantConfig(this);
        }

        private static Duration positive(Duration duration, String name) {
            Objects.requireNonNull(duration, name);
            if (duration.isNegative() || duration.isZero()) {
                throw new IllegalArgumentException(name + " must be positive, was " + duration);
            }
            return duration;
        }

        private static Duration atLeastAMillisecond(Duration duration, String name) {
            Objects.requireNonNull(duration, name);
            if (duration.compareTo(Duration.ofMillis(1)) < 0) {
                throw new IllegalArgumentException(name + " must be at least 1 ms, was " + duration);
            }
            return duration;
        }
    }
}
