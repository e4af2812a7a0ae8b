package dev.ordo.core.bus.query;

import dev.ordo.core.bus.NoHandlerException;
import dev.ordo.core.bus.TypeRoutes;
import java.util.Objects;

/**
 * A {@link QueryBus} that answers each query on the caller's thread.
 *
 * <p>A query goes to the handler registered for its exact class, otherwise to the handler of its nearest registered
 * superclass or interface (see {@link TypeRoutes}). Immutable and thread-safe once built.
 */
public final class SimpleQueryBus implements QueryBus {

    private final TypeRoutes<QueryHandler<Object, ?>> handlers;

    private SimpleQueryBus(Builder builder) {
        this.handlers = builder.handlers.build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * {@inheritDoc}
     *
     * @throws NoHandlerException    when no handler is registered for the query's class or its supertypes
     * @throws IllegalStateException when two handlers of the query's supertypes are equally near
     */
    @Override
    @SuppressWarnings("unchecked")
    public <R> R ask(Object query) {
        Objects.requireNonNull(query, "query");
        return (R) handlers.route(query).handle(query);
    }

    /** Configures a {@link SimpleQueryBus}; not thread-safe. */
    public static final class Builder {

        private final TypeRoutes.Builder<QueryHandler<Object, ?>> handlers = TypeRoutes.builder("query");

        private Builder() {
        }

        /**
         * Answers queries of a class, and of its subtypes that have no nearer handler, with a handler.
         *
         * @throws IllegalArgumentException when the class already has a handler
         */
        @SuppressWarnings("unchecked")
        public <Q> Builder register(Class<Q> type, QueryHandler<? super Q, ?> handler) {
            // safe: the routes only hand a handler queries that are instances of the class it was registered for
            handlers.add(type, (QueryHandler<Object, ?>) handler);
            return this;
        }

        public SimpleQueryBus build() {
            return new SimpleQueryBus(this);
        }
    }
}
