package dev.ordo.saga;

import dev.ordo.core.saga.SagaStatus;
import dev.ordo.saga.SagaEvent.CancelRequested;
import dev.ordo.saga.SagaEvent.CompensationAttemptFailed;
import dev.ordo.saga.SagaEvent.CompensationAwaitingReply;
import dev.ordo.saga.SagaEvent.CompensationParked;
import dev.ordo.saga.SagaEvent.CompensationRedriven;
import dev.ordo.saga.SagaEvent.CompensationResumed;
import dev.ordo.saga.SagaEvent.CompensationStarted;
import dev.ordo.saga.SagaEvent.SagaCompensated;
import dev.ordo.saga.SagaEvent.SagaCompleted;
import dev.ordo.saga.SagaEvent.SagaStarted;
import dev.ordo.saga.SagaEvent.StepAttemptFailed;
import dev.ordo.saga.SagaEvent.StepAwaitingReply;
import dev.ordo.saga.SagaEvent.StepCompensated;
import dev.ordo.saga.SagaEvent.StepFailed;
import dev.ordo.saga.SagaEvent.StepOutcomeUnknown;
import dev.ordo.saga.SagaEvent.StepResumed;
import dev.ordo.saga.SagaEvent.StepStarted;
import dev.ordo.saga.SagaEvent.StepSucceeded;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A saga folded from its events: status, data, and the state of each step (attempts, outcome, deadline). Immutable;
 * {@link #evolve} returns a new state.
 *
 * @param completed the succeeded steps in the order they completed, which compensation reverses
 * @param failure   why the saga is compensating, or {@code null}
 */
public record SagaState(UUID sagaId, String type, SagaStatus status, String data, Map<String, Step> steps,
                        List<String> completed, String failure, long version) {

    /**
     * The state of one step.
     *
     * @param open        an attempt of the action ({@link StepState#STARTED}) or of the compensation
     *                    ({@link StepState#COMPENSATING}) was recorded as started and nothing since: it may have run,
     *                    its outcome is unknown, and the next drive resumes it as the same attempt
     * @param resumptions how many times in a row the open attempt was resumed
     */
    public record Step(String name, StepState state, int attempts, int compensationAttempts, Instant deadline,
                       String lastError, boolean open, int resumptions) {

        Step with(StepState newState) {
            return new Step(name, newState, attempts, compensationAttempts, deadline, lastError, false, 0);
        }

        /** True once the action was called, or may have been: whatever it did is undone when the saga compensates. */
        public boolean attempted() {
            return attempts > 0;
        }
    }

    /**
     * Where a step is. {@code STARTED}: an attempt is under way (or its outcome is unknown, when the step is
     * {@linkplain Step#open() open}), or the next attempt is due after a failed one. {@code FAILED}: its action
     * reported failure; {@code TIMED_OUT} and {@code UNKNOWN}: its outcome is unknown. A step in any of these states,
     * or that succeeded or waits for a reply, is compensated when the saga compensates, if it has a compensation.
     * {@code COMPENSATION_AWAITING_REPLY}: its compensation sent a request and waits for the reply until the step's
     * {@linkplain Step#deadline() deadline}.
     */
    public enum StepState {
        PENDING, STARTED, AWAITING_REPLY, SUCCEEDED, FAILED, TIMED_OUT, UNKNOWN, COMPENSATING,
        COMPENSATION_AWAITING_REPLY, COMPENSATED, COMPENSATION_PARKED
    }

    /** A saga that has not started. */
    public static SagaState initial(UUID sagaId) {
        return new SagaState(sagaId, null, null, null, Map.of(), List.of(), null, 0);
    }

    /** True once the saga was started. */
    public boolean exists() {
        return status != null;
    }

    /** The state of a step, {@link StepState#PENDING} with no attempts when it never ran. */
    public Step step(String name) {
        return steps.getOrDefault(name, new Step(name, StepState.PENDING, 0, 0, null, null, false, 0));
    }

    /** The earliest reply deadline among the steps (or compensations) waiting for one. */
    public Optional<Instant> nextDeadline() {
        return steps.values().stream().filter(s -> s.state() == StepState.AWAITING_REPLY
                        || s.state() == StepState.COMPENSATION_AWAITING_REPLY).map(Step::deadline)
                .min(Instant::compareTo);
    }

    /**
     * The state after one more event at the given stream version. A finished saga stays finished: an event recorded
     * after its end (a cancellation that lost the race with completion, in a stream written before that was refused)
     * changes nothing but the version.
     */
    public SagaState evolve(SagaEvent event, long newVersion) {
        if (event instanceof StepSucceeded succeeded && (succeeded.next() != null || succeeded.completes())) {
            SagaState after = evolveOne(new StepSucceeded(succeeded.step(), succeeded.data(), succeeded.changes(),
                    succeeded.at()), newVersion);
            if (succeeded.next() != null) {
                after = after.evolveOne(new StepStarted(succeeded.next(), 1, StepRunner.invocationId(after,
                        succeeded.next()), succeeded.at()), newVersion);
            }
            return succeeded.completes() ? after.evolveOne(new SagaCompleted(succeeded.at()), newVersion) : after;
        }
        return evolveOne(event, newVersion);
    }

    private SagaState evolveOne(SagaEvent event, long newVersion) {
        if (status != null && status.isFinished()) {
            return new SagaState(sagaId, type, status, data, steps, completed, failure, newVersion);
        }
        Map<String, Step> next = new LinkedHashMap<>(steps);
        List<String> done = completed;
        SagaStatus newStatus = status;
        String newData = data;
        String newFailure = failure;
        String newType = type;
        switch (event) {
            case SagaStarted started -> {
                newType = started.type();
                newData = started.data();
                newStatus = SagaStatus.RUNNING;
            }
            case StepStarted started -> {
                Step s = step(started.step());
                next.put(s.name(), new Step(s.name(), StepState.STARTED, started.attempt(), s.compensationAttempts(),
                        null, s.lastError(), true, 0));
            }
            case StepResumed resumed -> {
                Step s = step(resumed.step());
                next.put(s.name(), new Step(s.name(), StepState.STARTED, resumed.attempt(), s.compensationAttempts(),
                        null, s.lastError(), true, resumed.resumption()));
            }
            case StepAttemptFailed failed -> {
                Step s = step(failed.step());
                next.put(s.name(), new Step(s.name(), StepState.STARTED, failed.attempt(), s.compensationAttempts(),
                        null, failed.error(), false, 0));
            }
            case StepAwaitingReply awaiting -> {
                Step s = step(awaiting.step());
                next.put(s.name(), new Step(s.name(), StepState.AWAITING_REPLY, s.attempts(), s.compensationAttempts(),
                        awaiting.deadline(), s.lastError(), false, 0));
            }
            case StepSucceeded succeeded -> {
                next.put(succeeded.step(), step(succeeded.step()).with(StepState.SUCCEEDED));
                done = append(completed, succeeded.step());
                newData = succeeded.dataAfter(data);
            }
            case StepFailed failed -> {
                Step s = step(failed.step());
                next.put(s.name(), new Step(s.name(), failed.timedOut() ? StepState.TIMED_OUT : StepState.FAILED,
                        s.attempts(), s.compensationAttempts(), null, failed.error(), false, 0));
                if (newStatus == SagaStatus.RUNNING) {
                    newStatus = SagaStatus.COMPENSATING;
                    newFailure = "step " + failed.step() + (failed.timedOut() ? " timed out: " : " failed: ")
                            + failed.error();
                }
            }
            case StepOutcomeUnknown unknown -> {
                Step s = step(unknown.step());
                next.put(s.name(), new Step(s.name(), StepState.UNKNOWN, s.attempts(), s.compensationAttempts(), null,
                        unknown.reason(), false, 0));
                if (newStatus == SagaStatus.RUNNING) {
                    newStatus = SagaStatus.COMPENSATING;
                    newFailure = "step " + unknown.step() + " has an unknown outcome: " + unknown.reason();
                }
            }
            case CancelRequested cancel -> {
                if (newStatus == SagaStatus.RUNNING) {
                    newStatus = SagaStatus.COMPENSATING;
                    newFailure = "cancelled: " + cancel.reason();
                }
            }
            case CompensationStarted started -> {
                Step s = step(started.step());
                next.put(s.name(), new Step(s.name(), StepState.COMPENSATING, s.attempts(), started.attempt(), null,
                        s.lastError(), true, 0));
            }
            case CompensationResumed resumed -> {
                Step s = step(resumed.step());
                next.put(s.name(), new Step(s.name(), StepState.COMPENSATING, s.attempts(), resumed.attempt(), null,
                        s.lastError(), true, resumed.resumption()));
            }
            case CompensationAwaitingReply awaiting -> {
                Step s = step(awaiting.step());
                next.put(s.name(), new Step(s.name(), StepState.COMPENSATION_AWAITING_REPLY, s.attempts(),
                        awaiting.attempt(), awaiting.deadline(), s.lastError(), false, 0));
            }
            case CompensationRedriven redriven -> {
                Step s = step(redriven.step());
                next.put(s.name(), new Step(s.name(), StepState.COMPENSATING, s.attempts(), 0, null, s.lastError(),
                        false, 0));
                newStatus = SagaStatus.COMPENSATING;
            }
            case CompensationAttemptFailed failed -> {
                Step s = step(failed.step());
                next.put(s.name(), new Step(s.name(), StepState.COMPENSATING, s.attempts(), failed.attempt(), null,
                        failed.error(), false, 0));
            }
            case StepCompensated compensated -> {
                next.put(compensated.step(), step(compensated.step()).with(StepState.COMPENSATED));
                newData = compensated.data() == null ? data : compensated.data();
            }
            case CompensationParked parked -> {
                Step s = step(parked.step());
                next.put(s.name(), new Step(s.name(), StepState.COMPENSATION_PARKED, s.attempts(), parked.attempts(),
                        null, parked.error(), false, 0));
                newStatus = SagaStatus.PARKED;
            }
            case SagaCompleted completedEvent -> newStatus = SagaStatus.COMPLETED;
            case SagaCompensated compensated -> newStatus = SagaStatus.COMPENSATED;
        }
        return new SagaState(sagaId, newType, newStatus, newData, Map.copyOf(next), done, newFailure, newVersion);
    }

    private static List<String> append(List<String> list, String item) {
        List<String> copy = new ArrayList<>(list);
        copy.add(item);
        return List.copyOf(copy);
    }
}
