package dev.ordo.core.event;

import java.util.Objects;
import java.util.UUID;

/**
 * An event on its way into the store: serialized, named, but not yet positioned.
 *
 * @param eventId       unique id of the event; re-appending an already stored id is an idempotent retry
 * @param eventType     the stable stored type name (see {@link EventTypeRegistry}), never a Java class name
 * @param schemaVersion the version of the payload's schema, starting at 1
 * @param payload       the event as a JSON document
 * @param metadata      correlation, causation, actor and trace context
 */
public record EventData(UUID eventId, String eventType, int schemaVersion, String payload, EventMetadata metadata) {

    public EventData {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(payload, "payload");
        if (eventType.isBlank()) {
            throw new IllegalArgumentException("eventType must not be blank");
        }
        if (schemaVersion < 1) {
            throw new IllegalArgumentException("schemaVersion must be at least 1, was " + schemaVersion);
        }
        metadata = metadata == null ? EventMetadata.empty() : metadata;
    }

    /** An event with a new time-ordered id. */
    public static EventData of(String eventType, int schemaVersion, String payload, EventMetadata metadata) {
        return new EventData(EventIds.next(), eventType, schemaVersion, payload, metadata);
    }
}
