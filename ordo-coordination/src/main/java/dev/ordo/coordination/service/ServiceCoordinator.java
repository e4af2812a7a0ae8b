package dev.ordo.coordination.service;

import dev.ordo.coordination.event.CoordinationEventPublisher;

/**
 * Runs {@link ServiceGraph}s: each step starts on its own virtual thread as soon as the steps it depends on
 * completed, so independent steps run in parallel; when all completed, the aggregator builds the result on the
 * calling thread.
 *
 * <p>When a step fails (throws anything): no step that has not started yet will start; running steps are interrupted
 * or awaited, as {@link ServiceCoordinatorConfig#runningStepsOnFailure()} says; then the compensations of the
 * completed steps run on the calling thread in reverse completion order (completion = the moment a step's function
 * returned; steps that completed after the failure count, the failed and the interrupted ones do not, nor steps
 * without a compensation); then a {@link CoordinationException} is thrown. A failing aggregator compensates every
 * step the same way. No step thread outlives a run.
 *
 * <p>Lifecycle events go to the {@link #eventPublisher()}'s listeners. Thread-safe: one coordinator runs any number
 * of graphs concurrently.
 */
public interface ServiceCoordinator {

    /** A coordinator with {@link ServiceCoordinatorConfig#ofDefaults()}. */
    static ServiceCoordinator ofDefaults() {
        return of(ServiceCoordinatorConfig.ofDefaults());
    }

    /** A coordinator with the given configuration. */
    static ServiceCoordinator of(ServiceCoordinatorConfig config) {
        return new DefaultServiceCoordinator(config);
    }

    /** Its configuration. */
    ServiceCoordinatorConfig config();

    /** Where its lifecycle events are published. */
    CoordinationEventPublisher eventPublisher();

    /**
     * Runs the graph once and returns the aggregator's result. Blocks until every step ended.
     *
     * @param input given to every step; may be {@code null}
     * @throws CoordinationException when a step or the aggregator failed, or the calling thread was interrupted
     *                               (its interrupt flag is then set again)
     */
    <I, R> R run(ServiceGraph<I, R> graph, I input);
}
