package dev.ordo.core.bus.command;

import dev.ordo.core.event.EventMetadata;

/**
 * Handles one class of commands, typically by calling a {@link dev.ordo.core.command.CommandHandler} with the
 * stream the command names.
 *
 * <p>The metadata is the one the middlewares produced; behind a {@link CorrelationMiddleware} it carries the
 * correlation id and names the command as causation, so the route should put it on the events it appends.
 * A route rejects a command by throwing a (domain) runtime exception, which reaches the caller unchanged.
 *
 * @param <C> the command type
 * @param <R> the result type
 */
@FunctionalInterface
public interface CommandRoute<C, R> {

    /** Handles the command; may return {@code null} when there is nothing to report. */
    R handle(C command, EventMetadata metadata);
}
