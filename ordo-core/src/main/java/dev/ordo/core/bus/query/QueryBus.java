package dev.ordo.core.bus.query;

import dev.ordo.core.bus.NoHandlerException;

/**
 * Sends each query to its one handler on the caller's thread and returns the answer. Exceptions of handlers reach
 * the caller unchanged. Implementations are thread-safe.
 */
public interface QueryBus {

    /**
     * Answers a query.
     *
     * @param <R> the answer type, as the caller expects it (a wrong expectation fails with a
     *            {@link ClassCastException} where the answer is used)
     * @throws NoHandlerException when no handler is registered for the query's class or its supertypes
     */
    <R> R ask(Object query);
}
