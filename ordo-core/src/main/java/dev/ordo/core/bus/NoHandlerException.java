package dev.ordo.core.bus;

import java.util.Objects;

/**
 * No handler is registered for a message's class nor for any of its supertypes; nothing was handled. Register one
 * when the bus is built.
 */
public final class NoHandlerException extends RuntimeException {

    private final Class<?> messageType;

    /**
     * @param kind        what the message is, such as {@code command} or {@code query}
     * @param messageType the class of the message that found no handler
     */
    public NoHandlerException(String kind, Class<?> messageType) {
        super("no handler is registered for " + kind + " "
                + Objects.requireNonNull(messageType, "messageType").getName()
                + " nor for any of its supertypes; register one when building the bus");
        this.messageType = messageType;
    }

    /** The class of the message that found no handler. */
    public Class<?> messageType() {
        return messageType;
    }
}
