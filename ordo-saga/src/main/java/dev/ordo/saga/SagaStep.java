package dev.ordo.saga;

import java.time.Duration;
import java.util.Objects;

/**
 * One step of a saga: its action, an optional compensation, a time limit per attempt, and its retry policy.
 *
 * @param name         unique within the saga; part of the invocation id, so never rename a step of running sagas
 * @param action       what the step does
 * @param compensation how to undo it, or {@code null} when there is nothing to undo
 * @param timeout      the longest an attempt may take; a timeout fails the step without retry, and the saga compensates
 * @param retry        how failed attempts (and compensations) are tried again
 * @param compensatedIfNeverRun whether a compensating saga undoes this step even when its action never ran (a saga
 *                              cancelled before it got there): for a step whose compensation looks after something
 *                              that exists before the saga does, such as the order a fulfilment was started for
 * @param call         for a step that calls a participant by messages, the call (the action then sends its request
 *                     and waits for the reply, see {@link Builder#call}); {@code null} for a step whose action does
 *                     its work itself
 * @param compensationCall for a step undone by a call to a participant by messages, the call (the compensation then
 *                     sends its request and the saga waits for the reply, see {@link Builder#compensationCall});
 *                     {@code null} for a step whose compensation does its work itself, or that has none
 * @param <D> the saga's data type
 */
public record SagaStep<D>(String name, SagaAction<D> action, SagaCompensation<D> compensation, Duration timeout,
                          StepRetry retry, boolean compensatedIfNeverRun, RemoteCall<D, ?> call,
                          RemoteCall<D, ?> compensationCall) {

    /** What a step's name looks like: lower-case words joined by '-'. */
    static final String NAME = "[a-z][a-z0-9-]*";

    public SagaStep {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(retry, "retry");
        if (!name.matches(NAME)) {
            throw new IllegalArgumentException("step name '" + name + "' must be lower-case words joined by '-'");
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("step " + name + " needs a positive timeout, was " + timeout);
        }
        if (compensatedIfNeverRun && compensation == null) {
            throw new IllegalArgumentException("step " + name + " is compensated even if never run, but has no "
                    + "compensation");
        }
        if (compensationCall != null && compensation == null) {
            throw new IllegalArgumentException("step " + name + " has a compensation call but no compensation to "
                    + "send it");
        }
    }

    /** A step whose compensation, if any, runs in the saga's process. */
    public SagaStep(String name, SagaAction<D> action, SagaCompensation<D> compensation, Duration timeout,
                    StepRetry retry, boolean compensatedIfNeverRun, RemoteCall<D, ?> call) {
        this(name, action, compensation, timeout, retry, compensatedIfNeverRun, call, null);
    }

    public static <D> Builder<D> named(String name) {
        return new Builder<>(name);
    }

    /** Builds a {@link SagaStep}; 30-second timeout and {@link StepRetry#ofDefaults()} unless set. */
    public static final class Builder<D> {
        private final String name;
        private SagaAction<D> action;
        private SagaCompensation<D> compensation;
        private Duration timeout = Duration.ofSeconds(30);
        private StepRetry retry = StepRetry.ofDefaults();
        private boolean compensatedIfNeverRun;
        private RemoteCall<D, ?> call;
        private RemoteCall<D, ?> compensationCall;

        private Builder(String name) {
            this.name = name;
        }

        public Builder<D> action(SagaAction<D> value) {
            this.action = value;
            return this;
        }

        /** Makes the step a call to a participant by messages, instead of an {@link #action}. */
        public Builder<D> call(RemoteCall<D, ?> value) {
            this.call = value;
            return this;
        }

        public Builder<D> compensation(SagaCompensation<D> value) {
            this.compensation = value;
            return this;
        }

        /**
         * Makes the step's compensation a call to a participant by messages, instead of a {@link #compensation}: the
         * request carries the compensation's invocation id ({@code <saga id>:<step>:compensate}), and the saga waits
         * durably for the reply (see {@link RemoteCall}). A successful reply compensates the step (applying the
         * call's {@code onReply}); a failed reply, or none before the deadline, is a failed attempt of the
         * compensation, tried again with the step's {@link #retry} policy and parked when the attempts run out.
         */
        public Builder<D> compensationCall(RemoteCall<D, ?> value) {
            this.compensationCall = value;
            return this;
        }

        public Builder<D> timeout(Duration value) {
            this.timeout = value;
            return this;
        }

        public Builder<D> retry(StepRetry value) {
            this.retry = value;
            return this;
        }

        /** Compensates the step also when the saga compensates before its action ever ran. */
        public Builder<D> compensatedIfNeverRun() {
            this.compensatedIfNeverRun = true;
            return this;
        }

        /**
         * @throws IllegalArgumentException when the step has both an action and a call, or both a compensation and a
         *                                  compensation call
         */
        public SagaStep<D> build() {
            if (action != null && call != null) {
                throw new IllegalArgumentException("step " + name + " has both an action and a remote call");
            }
            if (compensation != null && compensationCall != null) {
                throw new IllegalArgumentException("step " + name + " has both a compensation and a remote "
                        + "compensation call");
            }
            RemoteCall<D, ?> remote = call;
            RemoteCall<D, ?> undo = compensationCall;
            return new SagaStep<>(name, remote == null ? action : remote::send, undo == null ? compensation
                    : undo::sendCompensation, timeout, retry, compensatedIfNeverRun, remote, undo);
        }
    }
}
