package dev.ordo.coordination.service;

/**
 * Builds a run's final result once every step of a {@link ServiceGraph} completed. Runs on the calling thread.
 *
 * @param <I> the graph's input
 * @param <R> the run's result
 */
@FunctionalInterface
public interface Aggregator<I, R> {

    /**
     * Builds the result.
     *
     * @param results the results of every step
     * @throws Exception a failure, which fails the run and compensates every step
     */
    R aggregate(I input, Results results) throws Exception;
}
