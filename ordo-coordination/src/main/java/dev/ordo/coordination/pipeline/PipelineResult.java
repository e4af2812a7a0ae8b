package dev.ordo.coordination.pipeline;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How a pipeline run ended, with every step's outcome in pipeline order (skipped steps included). Immutable
 * (the context itself is whatever the steps made it).
 *
 * @param operation the pipeline's name
 * @param runId     the run's id, as its lifecycle events carry it
 * @param status    how the run ended
 * @param context   the context the last step that ran received, or returned when it proceeded
 * @param outcomes  one per step, in pipeline order
 * @param duration  how long the run took
 * @param <C>       the pipeline's context
 */
public record PipelineResult<C>(String operation, String runId, Status status, C context,
                                List<PipelineStepOutcome> outcomes, Duration duration) {

    /** How a run ended. */
    public enum Status {
        /** Every step proceeded. */
        COMPLETED,
        /** A step stopped the pipeline. */
        STOPPED,
        /** A step threw. */
        FAILED
    }

    public PipelineResult {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(context, "context");
        outcomes = List.copyOf(outcomes);
        Objects.requireNonNull(duration, "duration");
    }

    /** Whether every step proceeded. */
    public boolean isCompleted() {
        return status == Status.COMPLETED;
    }

    /** The outcome of the named step. */
    public Optional<PipelineStepOutcome> outcome(String step) {
        return outcomes.stream().filter(outcome -> outcome.step().equals(step)).findFirst();
    }

    /** The step that stopped or failed the run; empty when it completed. */
    public Optional<PipelineStepOutcome> endedBy() {
        return outcomes.stream()
                .filter(outcome -> outcome.status() == PipelineStepOutcome.Status.STOPPED
                        || outcome.status() == PipelineStepOutcome.Status.FAILED)
                .findFirst();
    }

    /** Why a step stopped the run; empty unless {@link Status#STOPPED}. */
    public Optional<String> stopReason() {
        return endedBy().flatMap(PipelineStepOutcome::reason);
    }

    /** What the failing step threw; empty unless {@link Status#FAILED}. */
    public Optional<Throwable> failure() {
        return endedBy().flatMap(PipelineStepOutcome::error);
    }
}
