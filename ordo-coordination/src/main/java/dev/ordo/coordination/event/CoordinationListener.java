package dev.ordo.coordination.event;

/**
 * Receives the lifecycle events of a coordinator.
 *
 * <p>Called synchronously on the thread that produced the event: the caller's thread for run-level events and
 * compensations, a step's virtual thread for the step events of a service graph. Steps that run in parallel publish
 * concurrently, so a listener of a service coordinator must be thread-safe; it should also be quick, since the run
 * waits for it. An exception it throws is logged and does not affect the run or the other listeners.
 */
@FunctionalInterface
public interface CoordinationListener {

    /** Handles one event. */
    void on(CoordinationEvent event);
}
