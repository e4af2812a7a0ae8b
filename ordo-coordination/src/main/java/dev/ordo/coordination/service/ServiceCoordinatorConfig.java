package dev.ordo.coordination.service;

import java.time.Clock;
import java.util.Objects;

/**
 * How a {@link ServiceCoordinator} handles a failed run. Immutable; build one with {@link #builder()}.
 *
 * <p>Defaults: running steps are {@linkplain RunningSteps#INTERRUPT interrupted} when a step fails, completed steps
 * are compensated, events are stamped by the UTC system clock.
 */
public final class ServiceCoordinatorConfig {

    /** What happens to the steps still running when another step fails. */
    public enum RunningSteps {
        /**
         * Interrupt their threads, then wait for them to end: a step that responds to interruption ends at once,
         * one that ignores it delays the failure report until it returns.
         */
        INTERRUPT,
        /** Let them finish, then report; their results are kept and compensated like the others'. */
        AWAIT
    }

    private static final ServiceCoordinatorConfig DEFAULTS = builder().build();

    private final RunningSteps runningStepsOnFailure;
    private final boolean compensate;
    private final Clock clock;

    private ServiceCoordinatorConfig(Builder builder) {
        this.runningStepsOnFailure = builder.runningStepsOnFailure;
        this.compensate = builder.compensate;
        this.clock = builder.clock;
    }

    /** The defaults described on the class. */
    public static ServiceCoordinatorConfig ofDefaults() {
        return DEFAULTS;
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from this configuration. */
    public Builder toBuilder() {
        return new Builder().runningStepsOnFailure(runningStepsOnFailure).compensate(compensate).clock(clock);
    }

    /** What happens to running steps when another step fails. */
    public RunningSteps runningStepsOnFailure() {
        return runningStepsOnFailure;
    }

    /** Whether completed steps are compensated when the run fails. */
    public boolean compensate() {
        return compensate;
    }

    /** The clock that stamps lifecycle events (durations are measured with {@link System#nanoTime()}). */
    public Clock clock() {
        return clock;
    }

    @Override
    public String toString() {
        return "ServiceCoordinatorConfig[runningStepsOnFailure=" + runningStepsOnFailure + ", compensate="
                + compensate + ", clock=" + clock + "]";
    }

    /** Builds a {@link ServiceCoordinatorConfig}; not thread-safe. */
    public static final class Builder {

        private RunningSteps runningStepsOnFailure = RunningSteps.INTERRUPT;
        private boolean compensate = true;
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /** What happens to running steps when another step fails; {@link RunningSteps#INTERRUPT} unless set. */
        public Builder runningStepsOnFailure(RunningSteps policy) {
            this.runningStepsOnFailure = Objects.requireNonNull(policy, "runningStepsOnFailure");
            return this;
        }

        /** Whether completed steps are compensated when the run fails; {@code true} unless set. */
        public Builder compensate(boolean compensate) {
            this.compensate = compensate;
            return this;
        }

        /** The clock that stamps events; the UTC system clock unless set. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        public ServiceCoordinatorConfig build() {
            return new ServiceCoordinatorConfig(this);
        }
    }
}
