package dev.ordo.core.bus.command;

import dev.ordo.core.bus.TypeRoutes;
import dev.ordo.core.command.CommandHandler;
import dev.ordo.core.command.CommandResult;
import dev.ordo.core.event.EventMetadata;

/**
 * The bus route of every {@link StreamCommand}: hands the command to the {@link CommandHandler} registered for its
 * type (or its nearest registered supertype), decided on the command's stream, at its expected version when it has
 * one. Immutable and thread-safe.
 */
final class StreamCommandRoute implements CommandRoute<StreamCommand<?>, CommandResult<?, ?>> {

    private final TypeRoutes<CommandHandler<Object, ?, ?>> handlers;

    StreamCommandRoute(TypeRoutes<CommandHandler<Object, ?, ?>> handlers) {
        this.handlers = handlers;
    }

    /** @throws dev.ordo.core.bus.NoHandlerException when no handler takes the wrapped command's type */
    @Override
    public CommandResult<?, ?> handle(StreamCommand<?> command, EventMetadata metadata) {
        CommandHandler<Object, ?, ?> handler = handlers.route(command.command());
        return command.expectedVersion() == null
                ? handler.handle(command.stream(), command.command(), metadata)
                : handler.handle(command.stream(), command.command(), metadata, command.expectedVersion());
    }
}
