package dev.ordo.core.bus.command;

import dev.ordo.core.bus.NoHandlerException;
import dev.ordo.core.bus.TypeRoutes;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A {@link CommandBus} that handles each command on the caller's thread.
 *
 * <p>Routing: a command goes to the route registered for its exact class, otherwise to the route of its nearest
 * registered superclass or interface (see {@link TypeRoutes}); a command without a route fails with
 * {@link NoHandlerException} before any middleware runs. Middlewares run in registration order, the first
 * outermost; the route is looked up again for the message the last middleware proceeds with, so a middleware may
 * replace the command too. Immutable and thread-safe once built.
 */
public final class SimpleCommandBus implements CommandBus {

    private final TypeRoutes<CommandRoute<Object, ?>> routes;
    private final List<CommandMiddleware> middlewares;

    private SimpleCommandBus(Builder builder) {
        this.routes = builder.routes.build();
        this.middlewares = List.copyOf(builder.middlewares);
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalStateException when two routes of the command's supertypes are equally near
     */
    @Override
    @SuppressWarnings("unchecked")
    public <R> R dispatch(CommandMessage message) {
        Objects.requireNonNull(message, "message");
        routes.route(message.command());
        return (R) proceed(0, message);
    }

    private Object proceed(int index, CommandMessage message) {
        Objects.requireNonNull(message, "a command middleware proceeded without a message");
        if (index == middlewares.size()) {
            return routes.route(message.command()).handle(message.command(), message.metadata());
        }
        return middlewares.get(index).invoke(message, next -> proceed(index + 1, next));
    }

    /** Configures a {@link SimpleCommandBus}; not thread-safe. */
    public static final class Builder {

        private final TypeRoutes.Builder<CommandRoute<Object, ?>> routes = TypeRoutes.builder("command");
        private final List<CommandMiddleware> middlewares = new ArrayList<>();

        private Builder() {
        }

        /**
         * Routes commands of a class, and of its subtypes that have no nearer route, to a handler.
         *
         * @throws IllegalArgumentException when the class already has a route
         */
        @SuppressWarnings("unchecked")
        public <C> Builder register(Class<C> type, CommandRoute<? super C, ?> route) {
            // safe: the routes only hand a route commands that are instances of the class it was registered for
            routes.add(type, (CommandRoute<Object, ?>) route);
            return this;
        }

        /** Adds a middleware inside the ones added before it. */
        public Builder middleware(CommandMiddleware middleware) {
            middlewares.add(Objects.requireNonNull(middleware, "middleware"));
            return this;
        }

        public SimpleCommandBus build() {
            return new SimpleCommandBus(this);
        }
    }
}
