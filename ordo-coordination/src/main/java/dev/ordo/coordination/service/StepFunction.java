package dev.ordo.coordination.service;

/**
 * What a step of a {@link ServiceGraph} does. Runs on its own virtual thread; it should respond to interruption,
 * since the coordinator interrupts running steps when another step fails (unless configured to wait).
 *
 * @param <I> the graph's input
 * @param <T> the step's result
 */
@FunctionalInterface
public interface StepFunction<I, T> {

    /**
     * Computes the step's result.
     *
     * @param input   the run's input, shared by every step: it should be immutable
     * @param results the results of the steps this one depends on, and only those
     * @throws Exception any failure, which fails the run
     */
    T call(I input, Results results) throws Exception;
}
