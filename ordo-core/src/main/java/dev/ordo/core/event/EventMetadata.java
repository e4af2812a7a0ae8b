package dev.ordo.core.event;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What is known about why and by whom an event was written.
 *
 * <p>The correlation id ties together everything caused by one request; the causation id names the message
 * (command or event) that directly caused this one; the actor is the user or system that acted; the trace
 * parent is a W3C {@code traceparent} header value. {@code extra} holds any other headers (for example a
 * tenant id or a W3C {@code tracestate}). Every field may be {@code null} except {@code extra}, which is an
 * immutable, possibly empty map.
 */
public record EventMetadata(String correlationId, String causationId, String actor, String traceParent,
                            Map<String, String> extra) {

    private static final EventMetadata EMPTY = new EventMetadata(null, null, null, null, Map.of());

    public EventMetadata {
        extra = extra == null || extra.isEmpty() ? Map.of() : Map.copyOf(extra);
    }

    /** Metadata with every field empty. */
    public static EventMetadata empty() {
        return EMPTY;
    }

    public EventMetadata withCorrelationId(String value) {
        return new EventMetadata(value, causationId, actor, traceParent, extra);
    }

    public EventMetadata withCausationId(String value) {
        return new EventMetadata(correlationId, value, actor, traceParent, extra);
    }

    public EventMetadata withActor(String value) {
        return new EventMetadata(correlationId, causationId, value, traceParent, extra);
    }

    public EventMetadata withTraceParent(String value) {
        return new EventMetadata(correlationId, causationId, actor, value, extra);
    }

    /** Returns a copy with one more extra header (replacing an earlier value of the same key). */
    public EventMetadata with(String key, String value) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        Map<String, String> copy = new LinkedHashMap<>(extra);
        copy.put(key, value);
        return new EventMetadata(correlationId, causationId, actor, traceParent, copy);
    }

    /** True when no field is set. */
    public boolean isEmpty() {
        return correlationId == null && causationId == null && actor == null && traceParent == null && extra.isEmpty();
    }
}
