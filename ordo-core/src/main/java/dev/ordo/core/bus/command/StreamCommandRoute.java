package dev.ordo.core.bus.command;

import dev.ordo.core.bus.TypeRoutes;
import dev.ordo.core.command.CommandHandler;
import dev.ordo.core.command.CommandResult;
import dev.ordo.core.event.EventMetadata;

/**
 * The bus route of every {@link StreamCommand}: hands the command to the {@link CommandHandler} registered for its
 * type (or its nearest registered supertype), decided on the command's stream, at its expected version when it has
 * one; with {@link CombinedStreamCommands}, in its stream's turn together with the commands queued behind it.
 * Immutable and thread-safe.
 */
final class StreamCommandRoute implements CommandRoute<StreamCommand<?>, CommandResult<?, ?>> {

    private final TypeRoutes<CommandHandler<Object, ?, ?>> handlers;

    private final CombinedStreamCommands combined;

    /** @param combined how commands on one stream take turns; null to hand them to the handler at once */
    StreamCommandRoute(TypeRoutes<CommandHandler<Object, ?, ?>> handlers, CombinedStreamCommands combined) {
        this.handlers = handlers;
        this.combined = combined;
    }

    /** @throws dev.ordo.core.bus.NoHandlerException when no handler takes the wrapped command's type */
    @Override
    public CommandResult<?, ?> handle(StreamCommand<?> command, EventMetadata metadata) {
        CommandHandler<Object, ?, ?> handler = handlers.route(command.command());
        if (combined != null) {
            return command.expectedVersion() == null
                    ? combined.handle(handler, command.stream(), command.command(), metadata)
                    : combined.handleAt(handler, command.stream(), command.command(), metadata,
                            command.expectedVersion());
        }
        return command.expectedVersion() == null
                ? handler.handle(command.stream(), command.command(), metadata)
                : handler.handle(command.stream(), command.command(), metadata, command.expectedVersion());
    }
}
