package dev.ordo.core.bus.command;

import dev.ordo.core.bus.NoHandlerException;
import dev.ordo.core.bus.TypeRoutes;
import dev.ordo.core.command.CommandHandler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A {@link CommandBus} that handles each command on the caller's thread.
 *
 * <p>Routing: a command goes to the route registered for its exact class, otherwise to the route of its nearest
 * registered superclass or interface (see {@link TypeRoutes}); a {@link StreamCommand} goes to the command handler
 * registered for its wrapped command's type the same way ({@link Builder#registerStreams}). A command without a route
 * (or a stream command without a handler) fails with
 * {@link NoHandlerException} before any middleware runs. Middlewares run in registration order, the first
 * outermost; the route is looked up again for the message the last middleware proceeds with, so a middleware may
 * replace the command too. Immutable and thread-safe once built.
 */
public final class SimpleCommandBus implements CommandBus {

    private final TypeRoutes<CommandRoute<Object, ?>> routes;
    private final TypeRoutes<CommandHandler<Object, ?, ?>> streams;
    private final StreamCommandRoute streamRoute;
    private final List<CommandMiddleware> middlewares;

    private SimpleCommandBus(Builder builder) {
        this.routes = builder.routes.build();
        this.streams = builder.streams.build();
        this.streamRoute = builder.anyStreams ? new StreamCommandRoute(streams, builder.combined) : null;
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
        if (streamRoute != null && message.command() instanceof StreamCommand<?> addressed) {
            streams.route(addressed.command());
        } else {
            routes.route(message.command());
        }
        return (R) proceed(0, message);
    }

    private Object proceed(int index, CommandMessage message) {
        Objects.requireNonNull(message, "a command middleware proceeded without a message");
        if (index == middlewares.size()) {
            if (streamRoute != null && message.command() instanceof StreamCommand<?> addressed) {
                return streamRoute.handle(addressed, message.metadata());
            }
            return routes.route(message.command()).handle(message.command(), message.metadata());
        }
        return middlewares.get(index).invoke(message, next -> proceed(index + 1, next));
    }

    /** Configures a {@link SimpleCommandBus}; not thread-safe. */
    public static final class Builder {

        private final TypeRoutes.Builder<CommandRoute<Object, ?>> routes = TypeRoutes.builder("command");
        private final TypeRoutes.Builder<CommandHandler<Object, ?, ?>> streams = TypeRoutes.builder("stream command");
        private boolean anyStreams;
        private CombinedStreamCommands combined;
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

        /**
         * Routes every {@link StreamCommand} whose command is of a type (or of a subtype without a nearer
         * registration) to a command handler: a context declares its decider's handler and its commands' type, and
         * the bus decides each command on the stream it names. The dispatch returns the handler's
         * {@link dev.ordo.core.command.CommandResult}.
         *
         * @throws IllegalArgumentException when the type already has a handler
         */
        @SuppressWarnings("unchecked")
        public <C> Builder registerStreams(Class<C> commandType, CommandHandler<? super C, ?, ?> handler) {
            // safe: the routes only hand a handler commands that are instances of the type it was registered for
            streams.add(commandType, (CommandHandler<Object, ?, ?>) handler);
            anyStreams = true;
            return this;
        }

        /**
         * Lets {@link StreamCommand}s on the same stream take turns in this JVM, and decides all the commands queued
         * for a stream when its turn comes with one load and one append ({@link CommandHandler#handleAll}), at most
         * {@code maxBatch} at a time. Each caller still gets its own command's result or exception. A command whose
         * turn does not come within {@code timeout} fails with {@link LockTimeoutException} and was not handled;
         * a thread interrupted before its turn gets a {@link java.util.concurrent.CancellationException} and its
         * command was not handled. This replaces a {@link PerKeyLockMiddleware} on the stream commands (which would
         * let only one command at a time reach the queue); it is no substitute for the store's optimistic
         * concurrency across JVMs. Off by default: each command is handed to its handler at once.
         *
         * @param maxBatch the most commands decided in one turn, at least 1
         * @param timeout  how long a command waits for its stream's turn, zero or more
         */
        public Builder combineStreamCommands(int maxBatch, Duration timeout) {
            this.combined = new CombinedStreamCommands(maxBatch, Objects.requireNonNull(timeout, "timeout"));
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
