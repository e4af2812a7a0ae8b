package dev.ordo.coordination.service;

import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * Typed, read-only access to the results of completed steps. A step sees only the steps it declared as
 * dependencies, all of them completed; the aggregation sees every step; a {@link CoordinationException} carries
 * the steps that completed before the run ended. A step's result may be {@code null}. Immutable and thread-safe.
 */
public interface Results {

    /**
     * The result of a step.
     *
     * @throws IllegalArgumentException when the step is not one this reader may read (a step asking for a step it did
     *                                  not declare as a dependency, or a name the graph does not have)
     * @throws NoSuchElementException   when the step did not complete (only partial results lack steps)
     */
    <T> T get(StepKey<T> key);

    /**
     * The result of a step, empty when it did not complete or returned {@code null}.
     *
     * @throws IllegalArgumentException when the step is not one this reader may read
     */
    <T> Optional<T> find(StepKey<T> key);

    /** Whether the step completed (its result may still be {@code null}); never throws. */
    boolean contains(StepKey<?> key);

    /** The names of the completed steps held here, in the order they completed. */
    List<String> steps();
}
