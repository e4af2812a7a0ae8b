package dev.ordo.saga;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Decides what a saga does next from its definition and state. Pure. */
final class SagaPlanner {

    private SagaPlanner() {
    }

    /** The next thing to do. */
    sealed interface Next<D> {
        /** Run these steps of the current group (in parallel when several). */
        record Run<D>(List<SagaStep<D>> steps) implements Next<D> {
        }

        /** A step waiting for a reply passed its deadline. */
        record TimeOut<D>(String step, Instant deadline) implements Next<D> {
        }

        /** Every step succeeded. */
        record Complete<D>() implements Next<D> {
        }

        /** Undo this step (or, for a compensation that waited for a reply past its deadline, try it again). */
        record Compensate<D>(SagaStep<D> step) implements Next<D> {
        }

        /** Everything that could be undone was undone. */
        record FinishCompensation<D>() implements Next<D> {
        }

        /** Nothing to do until a reply arrives or the given time (null: never, the saga is finished or parked). */
        record Wait<D>(Instant until) implements Next<D> {
        }
    }

    static <D> Next<D> next(SagaDefinition<D> definition, SagaState state, Instant now) {
        return switch (state.status()) {
            case RUNNING -> forwards(definition, state, now);
            case COMPENSATING -> backwards(definition, state, now);
            case PARKED, COMPLETED, COMPENSATED -> new Next.Wait<>(null);
        };
    }

    private static <D> Next<D> forwards(SagaDefinition<D> definition, SagaState state, Instant now) {
        for (List<SagaStep<D>> group : definition.groups()) {
            List<SagaStep<D>> runnable = new ArrayList<>();
            Instant earliest = null;
            boolean open = false;
            for (SagaStep<D> step : group) {
                SagaState.Step s = state.step(step.name());
                switch (s.state()) {
                    case SUCCEEDED -> { }
                    case PENDING, STARTED -> {
                        runnable.add(step);
                        open = true;
                    }
                    case AWAITING_REPLY -> {
                        if (!s.deadline().isAfter(now)) {
                            return new Next.TimeOut<>(step.name(), s.deadline());
                        }
                        earliest = earliest == null || s.deadline().isBefore(earliest) ? s.deadline() : earliest;
                        open = true;
                    }
                    case FAILED, TIMED_OUT, UNKNOWN, COMPENSATING, COMPENSATION_AWAITING_REPLY, COMPENSATED,
                         COMPENSATION_PARKED ->
                            throw new IllegalStateException("saga " + state.sagaId() + " is running but step "
                                    + step.name() + " is " + s.state());
                }
            }
            if (!runnable.isEmpty()) {
                return new Next.Run<>(List.copyOf(runnable));
            }
            if (open) {
                return new Next.Wait<>(earliest);
            }
        }
        return new Next.Complete<>();
    }

    /**
     * Undo every step that was attempted: first the ones that did not succeed (their action failed, timed out, was
     * cut short or waits for a reply: whatever part of it took effect must go), latest in the definition first; then
     * the succeeded ones in reverse order of completion. A step's action may have done part of its work before it
     * failed, and an answer that was not heard is not a failure, so the rule does not ask how a step ended:
     * compensations are idempotent and accept "nothing to undo". A step marked
     * {@link SagaStep#compensatedIfNeverRun()} is undone even when it never ran. A compensation waiting for its reply
     * holds the others back until the reply or its deadline: once the deadline passed, it is handed to the runner
     * again, whose attempt then failed.
     */
    private static <D> Next<D> backwards(SagaDefinition<D> definition, SagaState state, Instant now) {
        List<SagaStep<D>> all = definition.groups().stream().flatMap(List::stream).toList();
        for (int i = all.size() - 1; i >= 0; i--) {
            SagaStep<D> step = all.get(i);
            if (!state.completed().contains(step.name()) && needsUndo(step, state.step(step.name()))) {
                return compensate(step, state.step(step.name()), now);
            }
        }
        List<String> reversed = new ArrayList<>(state.completed());
        Collections.reverse(reversed);
        for (String name : reversed) {
            SagaStep<D> step = definition.step(name).orElseThrow(() -> new IllegalStateException("saga "
                    + state.sagaId() + " completed step " + name + " that its definition no longer has"));
            if (needsUndo(step, state.step(name))) {
                return compensate(step, state.step(name), now);
            }
        }
        return new Next.FinishCompensation<>();
    }

    private static <D> Next<D> compensate(SagaStep<D> step, SagaState.Step s, Instant now) {
        if (s.state() == SagaState.StepState.COMPENSATION_AWAITING_REPLY && s.deadline().isAfter(now)) {
            return new Next.Wait<>(s.deadline());
        }
        return new Next.Compensate<>(step);
    }

    private static boolean needsUndo(SagaStep<?> step, SagaState.Step s) {
        if (step.compensation() == null || (!s.attempted() && !step.compensatedIfNeverRun())) {
            return false;
        }
        return switch (s.state()) {
            case STARTED, AWAITING_REPLY, SUCCEEDED, FAILED, TIMED_OUT, UNKNOWN, COMPENSATING,
                 COMPENSATION_AWAITING_REPLY -> true;
            case PENDING -> step.compensatedIfNeverRun();
            case COMPENSATED, COMPENSATION_PARKED -> false;
        };
    }
}
