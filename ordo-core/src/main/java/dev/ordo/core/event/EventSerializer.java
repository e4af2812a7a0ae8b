package dev.ordo.core.event;

import java.util.UUID;

/**
 * Turns domain events into {@link EventData} and {@link RecordedEvent}s back into domain events.
 *
 * <p>Stored names and schema versions come from an {@link EventTypeRegistry}; on read, a payload written with
 * an older schema version is upcast step by step to the current one before it is bound to its class.
 * Implementations are thread-safe.
 */
public interface EventSerializer {

    /**
     * Serializes an event under a given id.
     *
     * @throws UnknownEventTypeException when the event's class is not registered
     * @throws EventSerializationException when the event cannot be written as JSON
     */
    EventData serialize(UUID eventId, Object event, EventMetadata metadata);

    /** Serializes an event under a new time-ordered id. */
    default EventData serialize(Object event, EventMetadata metadata) {
        return serialize(EventIds.next(), event, metadata);
    }

    /**
     * Reads a stored event back into its current class, upcasting old schema versions.
     *
     * @throws UnknownEventTypeException when the stored type name is not registered
     * @throws EventSerializationException when the payload does not fit the class
     */
    Object deserialize(RecordedEvent recorded);

    /** Reads a stored event and checks it is of the expected type. */
    default <E> Envelope<E> envelope(RecordedEvent recorded, Class<E> type) {
        Object event = deserialize(recorded);
        if (!type.isInstance(event)) {
            throw new EventSerializationException("event " + recorded.eventId() + " of type '" + recorded.eventType()
                    + "' in stream " + recorded.streamId() + " is a " + event.getClass().getName()
                    + ", not a " + type.getName());
        }
        return new Envelope<>(recorded, type.cast(event));
    }
}
