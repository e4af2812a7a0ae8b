package dev.ordo.saga;

import dev.ordo.core.event.EventMetadata;
import dev.ordo.core.saga.SagaIndex;
import dev.ordo.core.saga.SagaSummary;
import dev.ordo.saga.SagaEvent.SagaCompensated;
import dev.ordo.saga.SagaEvent.SagaCompleted;
import dev.ordo.saga.SagaEvent.StepStarted;
import dev.ordo.saga.SagaEvent.StepSucceeded;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Drives one saga: asks the {@link SagaPlanner} what is next, runs it (steps, parallel groups, compensations) and
 * records what happened, until the saga waits for a reply or a deadline, finishes or is parked, or the engine stops.
 * Holds no state of its own between drives; the caller holds the saga's lock. Thread-safe.
 */
final class SagaDriver {

    private final SagaIndex index;
    private final StepEnvironment env;
    private final BooleanSupplier running;
    private final Consumer<ParkedCompensation> parked;
    private final Consumer<SagaSummary> finished;

    SagaDriver(SagaIndex index, StepEnvironment env, BooleanSupplier running, Consumer<ParkedCompensation> parked,
               Consumer<SagaSummary> finished) {
        this.index = index;
        this.env = env;
        this.running = running;
        this.parked = parked;
        this.finished = finished;
    }

    /**
     * @param countResumptions see {@link StepRunner}: false when the saga's last drive in this engine failed for a
     *                         transient reason
     * @param sendAgain        whether to send again the requests of the {@link RemoteCall} steps and compensation calls
     *                         waiting for a reply, on the first drive of the saga in this engine
     */
    <D> void drive(SagaDefinition<D> definition, SagaJournal journal, boolean countResumptions, boolean sendAgain)
            throws InterruptedException {
        EventMetadata metadata = EventMetadata.empty().withCorrelationId(journal.state().sagaId().toString())
                .withTraceParent(journal.traceParent());
        StepRunner<D> runner = new StepRunner<>(definition, journal, metadata, env, countResumptions);
        if (sendAgain) {
            WaitingRequests.sendAgain(definition, journal, metadata, env.clock().instant());
        }
        String startRecorded = null;
        while (running.getAsBoolean()) {
            SagaPlanner.Next<D> next = SagaPlanner.next(definition, journal.state(), env.clock().instant());
            switch (next) {
                case SagaPlanner.Next.Run<D> run when run.steps().size() == 1 -> {
                    SagaStep<D> step = run.steps().getFirst();
                    Optional<SagaEvent> outcome = runner.attempt(step, step.name().equals(startRecorded));
                    startRecorded = outcome.isEmpty() ? null : recordWithWhatFollows(definition, journal, metadata,
                            outcome.get());
                }
                case SagaPlanner.Next.Run<D> run -> runAll(runner, run.steps());
                case SagaPlanner.Next.TimeOut<D> timeOut -> journal.append(metadata, runner.deadlinePassed(
                        definition.step(timeOut.step()).orElseThrow(), timeOut.deadline()));
                case SagaPlanner.Next.Compensate<D> compensate -> runner.compensate(compensate.step())
                        .ifPresent(parked);
                case SagaPlanner.Next.Complete<D> complete -> {
                    journal.append(metadata, new SagaCompleted(env.clock().instant()));
                    env.metrics().saga(definition.type(), "completed");
                }
                case SagaPlanner.Next.FinishCompensation<D> finish -> {
                    journal.append(metadata, new SagaCompensated(journal.state().failure(), env.clock().instant()));
                    env.metrics().saga(definition.type(), "compensated");
                }
                case SagaPlanner.Next.Wait<D> wait -> {
                    SagaState state = journal.state();
                    SagaSummary summary = new SagaSummary(state.sagaId(), state.type(), state.status(), wait.until(),
                            state.failure(), env.clock().instant());
                    index.save(summary);
                    if (state.status().isFinished()) {
                        finished.accept(summary);
                    }
                    return;
                }
            }
        }
    }

    /**
     * Records a step's outcome in one append with what it leads to, when that is certain: the start of the next
     * (single) step, or the saga's completion; a success carries them in its own event ({@link StepSucceeded#next},
     * {@link StepSucceeded#completes}), so a sequential saga writes one row per step. Halves the commits of a
     * sequential saga; a crash after the append simply finds the next step started, which is resumed with the same
     * invocation id.
     *
     * @return the step whose first attempt's start was recorded, or {@code null}
     */
    private <D> String recordWithWhatFollows(SagaDefinition<D> definition, SagaJournal journal, EventMetadata metadata,
                                             SagaEvent outcome) {
        SagaState state = journal.state();
        SagaState after = state.evolve(outcome, state.version() + 1);
        SagaPlanner.Next<D> following = SagaPlanner.next(definition, after, env.clock().instant());
        if (following instanceof SagaPlanner.Next.Run<D> run && run.steps().size() == 1
                && after.step(run.steps().getFirst().name()).attempts() == 0 && running.getAsBoolean()) {
            String step = run.steps().getFirst().name();
            if (outcome instanceof StepSucceeded succeeded) {
                journal.append(metadata, succeeded.startingNext(step));
            } else {
                journal.append(metadata, outcome, new StepStarted(step, 1, StepRunner.invocationId(after, step),
                        env.clock().instant()));
            }
            return step;
        }
        if (following instanceof SagaPlanner.Next.Complete<D>) {
            if (outcome instanceof StepSucceeded succeeded) {
                journal.append(metadata, succeeded.completingTheSaga());
            } else {
                journal.append(metadata, outcome, new SagaCompleted(env.clock().instant()));
            }
            env.metrics().saga(definition.type(), "completed");
            return null;
        }
        journal.append(metadata, outcome);
        return null;
    }

    /** Runs the steps of a parallel group side by side and waits for all; rethrows the first failure. */
    private <D> void runAll(StepRunner<D> runner, List<SagaStep<D>> steps) throws InterruptedException {
        if (steps.size() == 1) {
            runner.run(steps.getFirst());
            return;
        }
        List<Future<?>> running = new ArrayList<>();
        for (SagaStep<D> step : steps) {
            running.add(env.executor().submit(() -> {
                runner.run(step);
                return null;
            }));
        }
        Throwable first = null;
        for (Future<?> future : running) {
            try {
                future.get();
            } catch (ExecutionException e) {
                first = first == null ? e.getCause() : first;
            }
        }
        switch (first) {
            case null -> { }
            case RuntimeException e -> throw e;
            case Error e -> throw e;
            case InterruptedException e -> throw e;
            default -> throw new IllegalStateException("a step of a parallel group failed", first);
        }
    }
}
