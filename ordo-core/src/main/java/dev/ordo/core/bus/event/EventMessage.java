package dev.ordo.core.bus.event;

import dev.ordo.core.event.EventMetadata;
import dev.ordo.core.event.RecordedEvent;
import java.util.Objects;

/**
 * A recorded event on its way through the bus, deserialized once for all listeners.
 *
 * @param recorded the stored form, never {@code null}
 * @param event    the domain event, or {@code null} when the serializer does not know the stored type (or could
 *                 not read the payload); such a message reaches only listeners that do not select by class
 */
public record EventMessage(RecordedEvent recorded, Object event) {

    public EventMessage {
        Objects.requireNonNull(recorded, "recorded");
    }

    /** True when {@link #event()} holds the domain event. */
    public boolean isDeserialized() {
        return event != null;
    }

    /** The same message with the recorded event's metadata replaced, for middlewares that enrich it. */
    public EventMessage withMetadata(EventMetadata metadata) {
        RecordedEvent r = recorded;
        return new EventMessage(new RecordedEvent(r.eventId(), r.streamId(), r.streamVersion(), r.position(),
                r.eventType(), r.schemaVersion(), r.payload(), metadata, r.recordedAt()), event);
    }
}
