package dev.ordo.core.deadletter;

import dev.ordo.core.event.EventMetadata;
import dev.ordo.core.event.RecordedEvent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The message whose handling failed, kept so that it can be inspected and handed over again.
 *
 * @param id       identifies the message within its origin (an event id, a saga id with its step, a broker offset);
 *                 another failure with the same id is another attempt of the same letter; not blank
 * @param type     the message's type name, for an event its stored type
 * @param payload  the message, by convention as JSON text
 * @param position its position in the global log, or {@code null} when it does not come from the log
 * @param headers  anything else worth keeping, such as correlation ids; immutable, possibly empty
 */
public record FailedMessage(String id, String type, String payload, Long position, Map<String, String> headers) {

    /** Header of {@link #of(RecordedEvent)}: the event's stream id. */
    public static final String STREAM_ID = "stream-id";
    /** Header of {@link #of(RecordedEvent)}: the event's version in its stream. */
    public static final String STREAM_VERSION = "stream-version";

    public FailedMessage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(payload, "payload");
        if (id.isBlank()) {
            throw new IllegalArgumentException("a failed message needs an id");
        }
        headers = headers == null || headers.isEmpty() ? Map.of() : Map.copyOf(headers);
    }

    /**
     * An event of the log: its id, type, payload and position, and as headers its stream id and version, schema
     * version, recorded-at time and the metadata that is set (correlation id, causation id, actor, trace parent and
     * the extra headers, which never replace the others).
     */
    public static FailedMessage of(RecordedEvent event) {
        Map<String, String> headers = new LinkedHashMap<>();
        EventMetadata metadata = event.metadata();
        metadata.extra().forEach(headers::put);
        headers.put(STREAM_ID, event.streamId().value());
        headers.put(STREAM_VERSION, Long.toString(event.streamVersion()));
        headers.put("schema-version", Integer.toString(event.schemaVersion()));
        headers.put("recorded-at", event.recordedAt().toString());
        putIfSet(headers, "correlation-id", metadata.correlationId());
        putIfSet(headers, "causation-id", metadata.causationId());
        putIfSet(headers, "actor", metadata.actor());
        putIfSet(headers, "traceparent", metadata.traceParent());
        return new FailedMessage(event.eventId().toString(), event.eventType(), event.payload(), event.position(),
                headers);
    }

    private static void putIfSet(Map<String, String> headers, String name, String value) {
        if (value != null) {
            headers.put(name, value);
        }
    }
}
