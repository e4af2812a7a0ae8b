package dev.ordo.saga;

import java.time.Duration;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * How a step's action ended without an exception.
 *
 * @param <D> the saga's data type
 */
public sealed interface StepOutcome<D> {

    /**
     * The step is done. {@code update} is applied to the saga's data as it is when the step's success is recorded
     * (so steps of a parallel group can each set their own part), or is {@code null} to leave the data unchanged.
     */
    record Done<D>(UnaryOperator<D> update) implements StepOutcome<D> {
    }

    /**
     * The step started something that answers later (a reply, a webhook): the saga waits, durably, until
     * {@link SagaEngine#reply} or {@link SagaEngine#replyFailure} arrives for this step, or the deadline passes,
     * which fails the step.
     */
    record AwaitReply<D>(Duration deadline) implements StepOutcome<D> {
        public AwaitReply {
            Objects.requireNonNull(deadline, "deadline");
            if (deadline.isNegative() || deadline.isZero()) {
                throw new IllegalArgumentException("a reply deadline must be positive, was " + deadline);
            }
        }
    }

    /** Done, data unchanged. */
    static <D> StepOutcome<D> done() {
        return new Done<>(null);
    }

    /** Done, changing the saga's data. */
    static <D> StepOutcome<D> done(UnaryOperator<D> update) {
        return new Done<>(Objects.requireNonNull(update, "update"));
    }

    /** Waiting for a reply until the deadline. */
    static <D> StepOutcome<D> awaitReply(Duration deadline) {
        return new AwaitReply<>(deadline);
    }
}
