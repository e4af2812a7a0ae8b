package dev.ordo.core.trace;

import dev.ordo.core.event.EventData;
import dev.ordo.core.event.EventMetadata;
import dev.ordo.core.event.RecordedEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Spans over events: one that continues the trace the events' metadata names (a page of a subscription, the events of
 * one append), and events stamped with a span's trace context before they are written or handed on. Stateless.
 */
public final class EventTraces {

    /** The most other traces one span links to; a page holding events of more requests links the first ones. */
    public static final int MAX_LINKS = 32;

    private EventTraces() {
    }

    /**
     * Starts a span that continues the trace of the first item whose metadata names one, linked to the other traces
     * the items name (the first {@value #MAX_LINKS}). Without any, the current span of this thread is the parent.
     *
     * @param metadata where an item's metadata is
     */
    public static <T> TraceSpan start(Tracing tracing, String name, List<T> items,
                                      Function<? super T, EventMetadata> metadata) {
        String parent = null;
        List<String> links = null;
        for (T item : items) {
            String traceParent = metadata.apply(item).traceParent();
            if (traceParent == null || TraceParent.sameTrace(parent, traceParent)) {
                continue;
            }
            if (parent == null) {
                parent = traceParent;
                continue;
            }
            if (links == null) {
                links = new ArrayList<>();
            }
            if (links.size() < MAX_LINKS && links.stream().noneMatch(l -> TraceParent.sameTrace(l, traceParent))) {
                links.add(traceParent);
            }
        }
        return tracing.start(name, parent, links == null ? List.of() : links);
    }

    /**
     * The events as the span writes them: those with no trace context, or with one of the span's own trace, now
     * carry the span's {@code traceparent}; those of other traces (which the span only links to) keep theirs. The
     * same list, unchanged, when the span is not recording.
     */
    public static List<EventData> stamped(List<EventData> events, TraceSpan span) {
        if (!span.recording()) {
            return events;
        }
        String traceParent = span.traceParent();
        List<EventData> stamped = new ArrayList<>(events.size());
        for (EventData event : events) {
            String own = event.metadata().traceParent();
            stamped.add(own == null || TraceParent.sameTrace(own, traceParent)
                    ? new EventData(event.eventId(), event.eventType(), event.schemaVersion(), event.payload(),
                    event.metadata().withTraceParent(traceParent))
                    : event);
        }
        return stamped;
    }

    /** The event with another {@code traceparent} in its metadata; the same event when it has that one already. */
    public static RecordedEvent withTraceParent(RecordedEvent event, String traceParent) {
        if (traceParent == null || traceParent.equals(event.metadata().traceParent())) {
            return event;
        }
        return new RecordedEvent(event.eventId(), event.streamId(), event.streamVersion(), event.position(),
                event.eventType(), event.schemaVersion(), event.payload(),
                event.metadata().withTraceParent(traceParent), event.recordedAt());
    }
}
