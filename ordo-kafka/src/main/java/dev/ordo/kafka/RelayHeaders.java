package dev.ordo.kafka;

import dev.ordo.core.event.EventMetadata;
import dev.ordo.core.event.RecordedEvent;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * The headers of a published event, every value a UTF-8 string. The record's key is the stream id and its value the
 * payload (JSON, UTF-8). Metadata that an event lacks has no header. Any other metadata header of the event
 * ({@link EventMetadata#extra()}, for example {@code tracestate}) travels under its own name, unless that name is one
 * of the headers below.
 */
public final class RelayHeaders {

    /** The event id (a UUID). */
    public static final String EVENT_ID = "ordo-event-id";
    /** The stored type name. */
    public static final String EVENT_TYPE = "ordo-event-type";
    /** The schema version the payload was written with. */
    public static final String SCHEMA_VERSION = "ordo-schema-version";
    /** The stream id (also the record's key). */
    public static final String STREAM_ID = "ordo-stream-id";
    /** The event's version in its stream. */
    public static final String STREAM_VERSION = "ordo-stream-version";
    /** The event's position in the store's global log. */
    public static final String POSITION = "ordo-position";
    /** When the store committed it (ISO-8601). */
    public static final String RECORDED_AT = "ordo-recorded-at";
    public static final String CORRELATION_ID = "ordo-correlation-id";
    public static final String CAUSATION_ID = "ordo-causation-id";
    public static final String ACTOR = "ordo-actor";
    /** The W3C trace context, under its standard name so that tracing instrumentation of consumers finds it. */
    public static final String TRACEPARENT = "traceparent";

    private RelayHeaders() {
    }

    /** The headers the relay publishes one event with (a new, mutable set). */
    public static Headers of(RecordedEvent event) {
        RecordHeaders headers = new RecordHeaders();
        EventMetadata metadata = event.metadata();
        for (Map.Entry<String, String> extra : metadata.extra().entrySet()) {
            if (!isOwn(extra.getKey())) {
                add(headers, extra.getKey(), extra.getValue());
            }
        }
        add(headers, EVENT_ID, event.eventId().toString());
        add(headers, EVENT_TYPE, event.eventType());
        add(headers, SCHEMA_VERSION, Integer.toString(event.schemaVersion()));
        add(headers, STREAM_ID, event.streamId().value());
        add(headers, STREAM_VERSION, Long.toString(event.streamVersion()));
        add(headers, POSITION, Long.toString(event.position()));
        add(headers, RECORDED_AT, event.recordedAt().toString());
        add(headers, CORRELATION_ID, metadata.correlationId());
        add(headers, CAUSATION_ID, metadata.causationId());
        add(headers, ACTOR, metadata.actor());
        add(headers, TRACEPARENT, metadata.traceParent());
        return headers;
    }

    /** The header's value as a string, or {@code null} when the record has no such header. */
    public static String value(Headers headers, String name) {
        var header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static boolean isOwn(String name) {
        return name.startsWith("ordo-") || name.equals(TRACEPARENT);
    }

    private static void add(RecordHeaders headers, String name, String value) {
        if (value != null) {
            headers.add(name, value.getBytes(StandardCharsets.UTF_8));
        }
    }
}
