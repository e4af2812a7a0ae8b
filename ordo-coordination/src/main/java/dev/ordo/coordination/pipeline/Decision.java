package dev.ordo.coordination.pipeline;

import java.util.Objects;

/**
 * What a {@link PipelineStep} decided: go on with a context, or stop the pipeline with a reason. Immutable.
 *
 * @param <C> the pipeline's context
 */
public sealed interface Decision<C> {

    /** Go on to the next step with this context (the same object, changed, or a new one). */
    static <C> Decision<C> proceed(C context) {
        return new Proceed<>(context);
    }

    /**
     * End the pipeline here; the steps after this one do not run. A stop is a decision, not a failure.
     *
     * @throws IllegalArgumentException when the reason is blank
     */
    static <C> Decision<C> stop(String reason) {
        return new Stop<>(reason);
    }

    /** Go on with {@code context}, which must not be {@code null}. */
    record Proceed<C>(C context) implements Decision<C> {
        public Proceed {
            Objects.requireNonNull(context, "context");
        }
    }

    /** Stop, for the given reason. */
    record Stop<C>(String reason) implements Decision<C> {
        public Stop {
            Objects.requireNonNull(reason, "reason");
            if (reason.isBlank()) {
                throw new IllegalArgumentException("a stop needs a reason that says why");
            }
        }
    }
}
