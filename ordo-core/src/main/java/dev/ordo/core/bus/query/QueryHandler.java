package dev.ordo.core.bus.query;

/**
 * Answers one class of queries, typically from a read model. It must not change state.
 *
 * @param <Q> the query type
 * @param <R> the answer type
 */
@FunctionalInterface
public interface QueryHandler<Q, R> {

    /** Answers the query; may return {@code null} when the handler's contract allows it (prefer {@code Optional}). */
    R handle(Q query);
}
