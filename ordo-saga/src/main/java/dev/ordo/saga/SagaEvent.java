package dev.ordo.saga;

import dev.ordo.core.event.EventType;
import java.time.Instant;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What happened to a saga, as stored in its stream {@code saga-<id>}. Data is kept as the JSON its definition's
 * codec wrote, so these events do not depend on any application class.
 */
public sealed interface SagaEvent {

    @EventType("saga.started")
    record SagaStarted(String type, String data, Instant at) implements SagaEvent {
    }

    @EventType("saga.step-started")
    record StepStarted(String step, int attempt, String invocationId, Instant at) implements SagaEvent {
    }

    /**
     * A drive found an attempt recorded as started and never finished (the process stopped or crashed, or the
     * outcome could not be recorded) and runs it again, as the same attempt with the same invocation id.
     *
     * @param resumption how many times in a row this attempt was resumed, from 1
     */
    @EventType("saga.step-resumed")
    record StepResumed(String step, int attempt, int resumption, String invocationId, Instant at) implements SagaEvent {
    }

    @EventType("saga.step-attempt-failed")
    record StepAttemptFailed(String step, int attempt, String error, Instant retryAt, Instant at) implements SagaEvent {
    }

    @EventType("saga.step-awaiting-reply")
    record StepAwaitingReply(String step, Instant deadline, Instant at) implements SagaEvent {
    }

    /**
     * A step succeeded. Its changes to the saga's data are {@code changes}, a JSON merge patch (RFC 7386) of the data
     * (see {@link SagaDataChanges}), or, for data that is not a JSON object and in events written before patches,
     * the whole new {@code data}; both are {@code null} when the step left the data unchanged.
     *
     * <p>What the success certainly leads to is recorded in the same event rather than in rows of its own: {@code next}
     * names the step whose first attempt starts now (as a {@link StepStarted} with attempt 1 and the step's
     * invocation id would), and {@code completes} says the saga completed with it (as a {@link SagaCompleted} at the
     * same time would); the engine sets at most one of them (were both set, the start would fold before the
     * completion). Events written before these fields fold as plain successes.
     */
    @EventType("saga.step-succeeded")
    record StepSucceeded(String step, String data, JsonNode changes, Instant at, String next, Boolean completes)
            implements SagaEvent {

        /**
         * JSON {@code null} (how a stored event without changes reads back) is no changes; no {@code completes} (an
         * event stored before it existed) is false.
         */
        public StepSucceeded {
            if (changes != null && changes.isNull()) {
                changes = null;
            }
            completes = Boolean.TRUE.equals(completes);
        }

        /** A success with nothing recorded of what follows it. */
        StepSucceeded(String step, String data, JsonNode changes, Instant at) {
            this(step, data, changes, at, null, false);
        }

        /** A success that left the data as it was. */
        StepSucceeded(String step, Instant at) {
            this(step, null, null, at);
        }

        /** This success, recording that it starts the first attempt of {@code step}. */
        StepSucceeded startingNext(String step) {
            return new StepSucceeded(this.step, data, changes, at, step, false);
        }

        /** This success, recording that the saga completed with it. */
        StepSucceeded completingTheSaga() {
            return new StepSucceeded(step, data, changes, at, null, true);
        }

        /** A success that turned the data from {@code before} into {@code after}, recorded as the patch between them. */
        static StepSucceeded changing(String step, String before, String after, Instant at) {
            if (after == null || after.equals(before)) {
                return new StepSucceeded(step, at);
            }
            ObjectNode changes = SagaDataChanges.diff(before, after);
            if (changes == null) {
                return new StepSucceeded(step, after, null, at);
            }
            return changes.isEmpty() ? new StepSucceeded(step, at) : new StepSucceeded(step, null, changes, at);
        }

        /** The data after this step, given the data before it. */
        String dataAfter(String before) {
            return data != null ? data : changes != null ? SagaDataChanges.apply(before, changes) : before;
        }
    }

    @EventType("saga.step-failed")
    record StepFailed(String step, String error, boolean timedOut, Instant at) implements SagaEvent {
    }

    /**
     * The step's outcome is unknown for good: its attempt was cut short too many times in a row (a step that crashes
     * its process every time). The saga compensates, this step included.
     */
    @EventType("saga.step-outcome-unknown")
    record StepOutcomeUnknown(String step, String reason, Instant at) implements SagaEvent {
    }

    @EventType("saga.cancel-requested")
    record CancelRequested(String reason, Instant at) implements SagaEvent {
    }

    @EventType("saga.compensation-started")
    record CompensationStarted(String step, int attempt, String invocationId, Instant at) implements SagaEvent {
    }

    /** Like {@link StepResumed}, for a compensation attempt cut short. */
    @EventType("saga.compensation-resumed")
    record CompensationResumed(String step, int attempt, int resumption, String invocationId, Instant at)
            implements SagaEvent {
    }

    /**
     * The compensation's attempt sent its request to a participant ({@link SagaStep#compensationCall()}); the saga
     * waits for the reply until {@code deadline}, after which the attempt counts as failed.
     */
    @EventType("saga.compensation-awaiting-reply")
    record CompensationAwaitingReply(String step, int attempt, Instant deadline, Instant at) implements SagaEvent {
    }

    @EventType("saga.compensation-attempt-failed")
    record CompensationAttemptFailed(String step, int attempt, String error, Instant retryAt, Instant at)
            implements SagaEvent {
    }

    @EventType("saga.step-compensated")
    record StepCompensated(String step, String data, Instant at) implements SagaEvent {
    }

    /** The compensation kept failing: it is parked as a dead letter and the saga waits for an operator. */
    @EventType("saga.compensation-parked")
    record CompensationParked(String step, int attempts, String error, Instant at) implements SagaEvent {
    }

    /** An operator asked to try a parked compensation again. */
    @EventType("saga.compensation-redriven")
    record CompensationRedriven(String step, String actor, Instant at) implements SagaEvent {
    }

    @EventType("saga.completed")
    record SagaCompleted(Instant at) implements SagaEvent {
    }

    @EventType("saga.compensated")
    record SagaCompensated(String reason, Instant at) implements SagaEvent {
    }
}
