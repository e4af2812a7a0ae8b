package dev.ordo.saga;

import dev.ordo.saga.SagaEvent.CancelRequested;
import dev.ordo.saga.SagaEvent.CompensationAttemptFailed;
import dev.ordo.saga.SagaEvent.CompensationParked;
import dev.ordo.saga.SagaEvent.CompensationRedriven;
import dev.ordo.saga.SagaEvent.CompensationStarted;
import dev.ordo.saga.SagaEvent.SagaCompensated;
import dev.ordo.saga.SagaEvent.SagaCompleted;
import dev.ordo.saga.SagaEvent.SagaStarted;
import dev.ordo.saga.SagaEvent.StepAttemptFailed;
import dev.ordo.saga.SagaEvent.StepAwaitingReply;
import dev.ordo.saga.SagaEvent.StepCompensated;
import dev.ordo.saga.SagaEvent.StepFailed;
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

    /** The state of one step. */
    public record Step(String name, StepState state, int attempts, int compensationAttempts, Instant deadline,
                       String lastError) {

        Step with(StepState newState) {
            return new Step(name, newState, attempts, compensationAttempts, deadline, lastError);
        }
    }

    /**
     * Where a step is. {@code FAILED} means its action reported failure (no effect to undo); {@code TIMED_OUT} and
     * {@code STARTED} mean its effect is unknown, so compensation undoes it too.
     */
    public enum StepState {
        PENDING, STARTED, AWAITING_REPLY, SUCCEEDED, FAILED, TIMED_OUT, COMPENSATING, COMPENSATED, COMPENSATION_PARKED
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
        return steps.getOrDefault(name, new Step(name, StepState.PENDING, 0, 0, null, null));
    }

    /** The earliest reply deadline among the steps waiting for one. */
    public Optional<Instant> nextDeadline() {
        return steps.values().stream().filter(s -> s.state() == StepState.AWAITING_REPLY).map(Step::deadline)
                .min(Instant::compareTo);
    }

    /** The state after one more event at the given stream version. */
    public SagaState evolve(SagaEvent event, long newVersion) {
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
                        null, s.lastError()));
            }
            case StepAttemptFailed failed -> {
                Step s = step(failed.step());
                next.put(s.name(), new Step(s.name(), StepState.STARTED, failed.attempt(), s.compensationAttempts(),
                        null, failed.error()));
            }
            case StepAwaitingReply awaiting -> {
                Step s = step(awaiting.step());
                next.put(s.name(), new Step(s.name(), StepState.AWAITING_REPLY, s.attempts(), s.compensationAttempts(),
                        awaiting.deadline(), s.lastError()));
            }
            case StepSucceeded succeeded -> {
                next.put(succeeded.step(), step(succeeded.step()).with(StepState.SUCCEEDED));
                done = append(completed, succeeded.step());
                newData = succeeded.data() == null ? data : succeeded.data();
            }
            case StepFailed failed -> {
                Step s = step(failed.step());
                next.put(s.name(), new Step(s.name(), failed.timedOut() ? StepState.TIMED_OUT : StepState.FAILED,
                        s.attempts(), s.compensationAttempts(), null, failed.error()));
                newStatus = SagaStatus.COMPENSATING;
                newFailure = "step " + failed.step() + (failed.timedOut() ? " timed out: " : " failed: ") + failed.error();
            }
            case CancelRequested cancel -> {
                newStatus = SagaStatus.COMPENSATING;
                newFailure = "cancelled: " + cancel.reason();
            }
            case CompensationStarted started -> {
                Step s = step(started.step());
                next.put(s.name(), new Step(s.name(), StepState.COMPENSATING, s.attempts(), started.attempt(), null,
                        s.lastError()));
            }
            case CompensationRedriven redriven -> {
                Step s = step(redriven.step());
                next.put(s.name(), new Step(s.name(), StepState.COMPENSATING, s.attempts(), 0, null, s.lastError()));
                newStatus = SagaStatus.COMPENSATING;
            }
            case CompensationAttemptFailed failed -> {
                Step s = step(failed.step());
                next.put(s.name(), new Step(s.name(), StepState.COMPENSATING, s.attempts(), failed.attempt(), null,
                        failed.error()));
            }
            case StepCompensated compensated -> {
                next.put(compensated.step(), step(compensated.step()).with(StepState.COMPENSATED));
                newData = compensated.data() == null ? data : compensated.data();
            }
            case CompensationParked parked -> {
                Step s = step(parked.step());
                next.put(s.name(), new Step(s.name(), StepState.COMPENSATION_PARKED, s.attempts(), parked.attempts(),
                        null, parked.error()));
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
