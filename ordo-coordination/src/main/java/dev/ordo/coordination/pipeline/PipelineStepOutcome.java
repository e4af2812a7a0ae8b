package dev.ordo.coordination.pipeline;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How one step of a pipeline run ended. Immutable.
 *
 * @param step     the step's name
 * @param status   how it ended
 * @param duration how long its function ran; zero for a skipped step
 * @param reason   the reason it gave, for a {@link Status#STOPPED} step
 * @param error    what it threw, for a {@link Status#FAILED} step
 */
public record PipelineStepOutcome(String step, Status status, Duration duration, Optional<String> reason,
                          Optional<Throwable> error) {

    /** How a step ended. */
    public enum Status {
        /** It returned {@link Decision#proceed}. */
        COMPLETED,
        /** It returned {@link Decision#stop}: the pipeline ended there. */
        STOPPED,
        /** It threw: the pipeline ended there. */
        FAILED,
        /** An earlier step stopped or failed the pipeline, so it did not run. */
        SKIPPED
    }

    public PipelineStepOutcome {
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(error, "error");
    }

    static PipelineStepOutcome completed(String step, Duration duration) {
        return new PipelineStepOutcome(step, Status.COMPLETED, duration, Optional.empty(), Optional.empty());
    }

    static PipelineStepOutcome stopped(String step, Duration duration, String reason) {
        return new PipelineStepOutcome(step, Status.STOPPED, duration, Optional.of(reason), Optional.empty());
    }

    static PipelineStepOutcome failed(String step, Duration duration, Throwable error) {
        return new PipelineStepOutcome(step, Status.FAILED, duration, Optional.empty(), Optional.of(error));
    }

    static PipelineStepOutcome skipped(String step) {
        return new PipelineStepOutcome(step, Status.SKIPPED, Duration.ZERO, Optional.empty(), Optional.empty());
    }
}
