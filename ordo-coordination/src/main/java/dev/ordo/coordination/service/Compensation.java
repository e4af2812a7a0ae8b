package dev.ordo.coordination.service;

/**
 * Undoes a completed step when the run fails later (for example releases a reservation the step made). Runs on the
 * calling thread, after every running step ended, one compensation at a time in reverse completion order.
 *
 * @param <I> the graph's input
 * @param <T> the step's result
 */
@FunctionalInterface
public interface Compensation<I, T> {

    /**
     * Undoes the step.
     *
     * @param input  the run's input
     * @param result what the step returned
     * @throws Exception a failure, which is reported and does not stop the other compensations
     */
    void compensate(I input, T result) throws Exception;
}
