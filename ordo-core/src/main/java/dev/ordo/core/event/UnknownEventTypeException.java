package dev.ordo.core.event;

/** An event class or a stored type name is not in the {@link EventTypeRegistry}. */
public final class UnknownEventTypeException extends EventSerializationException {

    public UnknownEventTypeException(String message) {
        super(message);
    }
}
