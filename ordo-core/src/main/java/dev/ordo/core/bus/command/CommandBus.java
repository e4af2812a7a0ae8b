package dev.ordo.core.bus.command;

import dev.ordo.core.bus.NoHandlerException;
import dev.ordo.core.event.EventMetadata;

/**
 * Sends each command to its one handler, through the bus's middlewares, on the caller's thread.
 *
 * <p>Exceptions of handlers and middlewares reach the caller unchanged, so a domain rule violation arrives as the
 * domain's own exception type. Implementations are thread-safe.
 */
public interface CommandBus {

    /**
     * Handles a command.
     *
     * @param <R> the handler's result type, as the caller expects it (a wrong expectation fails with a
     *            {@link ClassCastException} where the result is used)
     * @return what the handler returned
     * @throws NoHandlerException when no route is registered for the command's class or its supertypes
     */
    <R> R dispatch(CommandMessage message);

    /**
     * Handles a command under a new time-ordered command id.
     *
     * @throws NoHandlerException when no route is registered for the command's class or its supertypes
     */
    default <R> R dispatch(Object command, EventMetadata metadata) {
        return dispatch(new CommandMessage(command, metadata));
    }
}
