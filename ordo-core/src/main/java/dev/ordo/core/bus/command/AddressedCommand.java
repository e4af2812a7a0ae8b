package dev.ordo.core.bus.command;

/**
 * A bus message that wraps a domain command with where it goes (for example an order id and an expected version).
 * Logs, metrics and the MDC name the wrapped command, so {@code ordo.commands} is broken down by {@code PayOrder},
 * not by the wrapper's class.
 */
public interface AddressedCommand {

    /** The wrapped domain command. */
    Object command();
}
