package dev.ordo.core.event;

import java.time.Instant;
import java.util.UUID;

/**
 * An event as stored: its place in its stream and in the global log, and when it was recorded.
 *
 * @param eventId        the id given on append
 * @param streamId       the stream it belongs to
 * @param streamVersion  its version in the stream: the first event of a stream has version 1
 * @param position       its position in the global log ({@code $all}); positions start at 1, increase in commit
 *                       order, and are never reused
 * @param eventType      the stored type name
 * @param schemaVersion  the schema version the payload was written with (before any upcasting)
 * @param payload        the event as a JSON document
 * @param metadata       correlation, causation, actor and trace context
 * @param recordedAt     when the store committed it
 */
public record RecordedEvent(UUID eventId, StreamId streamId, long streamVersion, long position, String eventType,
                            int schemaVersion, String payload, EventMetadata metadata, Instant recordedAt) {
}
