package dev.ordo.coordination.event;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Something that happened in one run of a coordinated operation. Every event names the operation, the run (a random
 * id shared by all events of one run) and when it happened; step events name the step; events that end something
 * carry how long it took, failures carry the error.
 *
 * <p>The events of one run come in this order: {@link Started} first; for each step that runs, {@link StepStarted}
 * then {@link StepCompleted} or {@link StepFailed}, a step's completion always before its dependents start; after a
 * failure, {@link Compensating} then {@link Compensated} or {@link CompensationFailed} for each compensated step, in
 * the order compensations run; and exactly one of {@link Completed} or {@link Failed}
 * last. Step events of parallel steps interleave.
 */
public sealed interface CoordinationEvent {

    /** The kind of an event, for logs, assertions and switches that do not need the fields. */
    enum Type {
        STARTED, STEP_STARTED, STEP_COMPLETED, STEP_FAILED, COMPENSATING, COMPENSATED, COMPENSATION_FAILED,
        COMPLETED, FAILED
    }

    /** The operation's name: the graph's. */
    String operation();

    /** The run's id, shared by all events of one run. */
    String runId();

    /** When it happened, by the coordinator's clock. */
    Instant at();

    /** The kind of this event. */
    default Type type() {
        return switch (this) {
            case Started e -> Type.STARTED;
            case StepStarted e -> Type.STEP_STARTED;
            case StepCompleted e -> Type.STEP_COMPLETED;
            case StepFailed e -> Type.STEP_FAILED;
            case Compensating e -> Type.COMPENSATING;
            case Compensated e -> Type.COMPENSATED;
            case CompensationFailed e -> Type.COMPENSATION_FAILED;
            case Completed e -> Type.COMPLETED;
            case Failed e -> Type.FAILED;
        };
    }

    /** The step the event is about; empty for run-level events and for a failure that was not a step's. */
    default Optional<String> stepName() {
        return switch (this) {
            case Started e -> Optional.empty();
            case StepStarted e -> Optional.of(e.step());
            case StepCompleted e -> Optional.of(e.step());
            case StepFailed e -> Optional.of(e.step());
            case Compensating e -> Optional.of(e.step());
            case Compensated e -> Optional.of(e.step());
            case CompensationFailed e -> Optional.of(e.step());
            case Completed e -> Optional.empty();
            case Failed e -> e.step();
        };
    }

    /** A run began. */
    record Started(String operation, String runId, Instant at) implements CoordinationEvent {
        public Started {
            requireIds(operation, runId, at);
        }
    }

    /** A step's function was called. */
    record StepStarted(String operation, String runId, String step, Instant at) implements CoordinationEvent {
        public StepStarted {
            requireIds(operation, runId, at);
            Objects.requireNonNull(step, "step");
        }
    }

    /** A step's function returned. */
    record StepCompleted(String operation, String runId, String step, Duration duration, Instant at)
            implements CoordinationEvent {
        public StepCompleted {
            requireIds(operation, runId, at);
            Objects.requireNonNull(step, "step");
            Objects.requireNonNull(duration, "duration");
        }
    }

    /** A step's function threw. */
    record StepFailed(String operation, String runId, String step, Duration duration, Throwable error, Instant at)
            implements CoordinationEvent {
        public StepFailed {
            requireIds(operation, runId, at);
            Objects.requireNonNull(step, "step");
            Objects.requireNonNull(duration, "duration");
            Objects.requireNonNull(error, "error");
        }
    }

    /** The compensation of a completed step is about to run. */
    record Compensating(String operation, String runId, String step, Instant at) implements CoordinationEvent {
        public Compensating {
            requireIds(operation, runId, at);
            Objects.requireNonNull(step, "step");
        }
    }

    /** The compensation of a step returned. */
    record Compensated(String operation, String runId, String step, Duration duration, Instant at)
            implements CoordinationEvent {
        public Compensated {
            requireIds(operation, runId, at);
            Objects.requireNonNull(step, "step");
            Objects.requireNonNull(duration, "duration");
        }
    }

    /** The compensation of a step threw; the other compensations still run. */
    record CompensationFailed(String operation, String runId, String step, Duration duration, Throwable error,
                              Instant at) implements CoordinationEvent {
        public CompensationFailed {
            requireIds(operation, runId, at);
            Objects.requireNonNull(step, "step");
            Objects.requireNonNull(duration, "duration");
            Objects.requireNonNull(error, "error");
        }
    }

    /** The run succeeded: every step completed and the result was produced. */
    record Completed(String operation, String runId, Duration duration, Instant at) implements CoordinationEvent {
        public Completed {
            requireIds(operation, runId, at);
            Objects.requireNonNull(duration, "duration");
        }
    }

    /**
     * The run failed, after its compensations.
     *
     * @param step the step that failed first; empty when the failure was not a step's (the aggregation threw, or the
     *             calling thread was interrupted)
     */
    record Failed(String operation, String runId, Optional<String> step, Duration duration, Throwable error,
                  Instant at) implements CoordinationEvent {
        public Failed {
            requireIds(operation, runId, at);
            Objects.requireNonNull(step, "step");
            Objects.requireNonNull(duration, "duration");
            Objects.requireNonNull(error, "error");
        }
    }

    private static void requireIds(String operation, String runId, Instant at) {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(at, "at");
    }
}
