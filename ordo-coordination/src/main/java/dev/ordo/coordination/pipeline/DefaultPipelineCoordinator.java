package dev.ordo.coordination.pipeline;

import dev.ordo.coordination.event.CoordinationEventPublisher;
import dev.ordo.coordination.internal.Listeners;
import dev.ordo.coordination.internal.RunEvents;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The {@link PipelineCoordinator}. Thread-safe. */
final class DefaultPipelineCoordinator implements PipelineCoordinator {

    private static final Logger log = LoggerFactory.getLogger(PipelineCoordinator.class);

    /** A step's outcome and the context the run goes on with. */
    private record StepRun<C>(PipelineStepOutcome outcome, C context) {
    }

    private final Clock clock;
    private final Listeners listeners = new Listeners();

    DefaultPipelineCoordinator(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public CoordinationEventPublisher eventPublisher() {
        return listeners;
    }

    @Override
    public <C> PipelineResult<C> run(Pipeline<C> pipeline, C context) {
        Objects.requireNonNull(pipeline, "pipeline");
        Objects.requireNonNull(context, "context");
        RunEvents events = new RunEvents(pipeline.operation(), clock, listeners);
        long start = System.nanoTime();
        events.started();
        List<PipelineStepOutcome> outcomes = new ArrayList<>();
        C current = context;
        PipelineStepOutcome ending = null;
        for (Pipeline.Stage<C> stage : pipeline.stages()) {
            if (ending != null) {
                outcomes.add(PipelineStepOutcome.skipped(stage.name()));
                continue;
            }
            StepRun<C> run = runStep(stage, current, events);
            outcomes.add(run.outcome());
            current = run.context();
            if (run.outcome().status() != PipelineStepOutcome.Status.COMPLETED) {
                ending = run.outcome();
            }
        }
        Duration took = RunEvents.since(start);
        PipelineResult.Status status;
        if (ending == null) {
            status = PipelineResult.Status.COMPLETED;
            events.completed(took);
        } else if (ending.status() == PipelineStepOutcome.Status.STOPPED) {
            status = PipelineResult.Status.STOPPED;
            events.stopped(ending.step(), ending.reason().orElseThrow(), took);
        } else {
            status = PipelineResult.Status.FAILED;
            Throwable error = ending.error().orElseThrow();
            events.failed(Optional.of(ending.step()), took, error);
            if (error instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
        }
        log.debug("pipeline '{}' run {} ended {} after {}{}", pipeline.operation(), events.runId(), status, took,
                ending == null ? "" : " at step '" + ending.step() + "'");
        return new PipelineResult<>(pipeline.operation(), events.runId(), status, current, outcomes, took);
    }

    private static <C> StepRun<C> runStep(Pipeline.Stage<C> stage, C context, RunEvents events) {
        String step = stage.name();
        events.stepStarted(step);
        long start = System.nanoTime();
        Decision<C> decision;
        try {
            decision = Objects.requireNonNull(stage.step().apply(context),
                    () -> "pipeline step '" + step + "' returned null instead of a Decision");
        } catch (Exception e) {
            Duration took = RunEvents.since(start);
            events.stepFailed(step, took, e);
            return new StepRun<>(PipelineStepOutcome.failed(step, took, e), context);
        }
        Duration took = RunEvents.since(start);
        events.stepCompleted(step, took);
        return switch (decision) {
            case Decision.Proceed<C> proceed ->
                    new StepRun<>(PipelineStepOutcome.completed(step, took), proceed.context());
            case Decision.Stop<C> stop ->
                    new StepRun<>(PipelineStepOutcome.stopped(step, took, stop.reason()), context);
        };
    }
}
