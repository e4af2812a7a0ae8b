package dev.ordo.coordination.pipeline;

import dev.ordo.coordination.event.CoordinationEventPublisher;
import java.time.Clock;

/**
 * Runs {@link Pipeline}s on the calling thread: each step gets the context the previous one proceeded with; a step
 * that stops or throws ends the run, and the steps after it are reported as skipped. Nothing is compensated: a
 * pipeline that must undo work on failure should be a {@link dev.ordo.coordination.service.ServiceGraph} whose
 * steps depend on each other in a chain.
 *
 * <p>Lifecycle events go to the {@link #eventPublisher()}'s listeners: a stopping step is {@code STEP_COMPLETED}
 * (it ran and decided), then the run is {@code STOPPED}. Thread-safe: runs may go on concurrently.
 */
public interface PipelineCoordinator {

    /** A coordinator whose events are stamped by the UTC system clock. */
    static PipelineCoordinator ofDefaults() {
        return of(Clock.systemUTC());
    }

    /** A coordinator whose events are stamped by the given clock (durations use {@link System#nanoTime()}). */
    static PipelineCoordinator of(Clock clock) {
        return new DefaultPipelineCoordinator(clock);
    }

    /** Where its lifecycle events are published. */
    CoordinationEventPublisher eventPublisher();

    /**
     * Runs the pipeline once. Failures are reported in the result, not thrown; a step interrupted (throwing
     * {@link InterruptedException}) fails the run and sets the calling thread's interrupt flag again.
     *
     * <p>A step that returns {@code null} instead of a decision fails with a {@link NullPointerException}. An
     * {@link Error} a step throws is not caught: it ends the run without a final event.
     *
     * @param context the first step's context; not {@code null}
     */
    <C> PipelineResult<C> run(Pipeline<C> pipeline, C context);
}
