package dev.ordo.core.event;

import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * An {@link EventSerializer} that remembers the events it decoded most recently, so that the consumers reading the
 * same stored event (each projection, a process manager, a state load) decode it once between them.
 *
 * <p>Contract: while a stored event is remembered, {@link #deserialize} returns the same instance for it. A stored
 * event is recognised by its event id, type name, schema version and payload together, so two stores that happen to
 * hold different events under one id never share a decoded event. An event it serializes is remembered too, as
 * written, so reading it back after the append returns the very object that was appended (when the store returns
 * the payload exactly as written, as SQLite does; a store that rewrites it, such as PostgreSQL's {@code jsonb},
 * simply decodes it once). Because consumers share the instance, the event classes must be immutable and must read
 * back equal to what was written (records of immutable values, as the toolkit asks of events anyway).
 *
 * <p>The memory is a direct-mapped table: an event id picks one of {@code capacity} slots, and a newer event in the
 * same slot replaces the older one. A lookup is one array read and an equality check of the payload, far cheaper
 * than parsing it. Thread-safe without locks; at most {@code capacity} decoded events are kept.
 */
public final class RememberingEventSerializer implements EventSerializer {

    private final EventSerializer delegate;
    private final AtomicReferenceArray<Decoded> slots;
    private final int mask;

    private record Decoded(UUID eventId, String eventType, int schemaVersion, String payload, Object event) {

        boolean decodes(RecordedEvent recorded) {
            return eventId.equals(recorded.eventId()) && schemaVersion == recorded.schemaVersion()
                    && eventType.equals(recorded.eventType()) && payload.equals(recorded.payload());
        }
    }

    /**
     * @param delegate the serializer that does the work
     * @param capacity how many decoded events to keep at most; rounded up to a power of two
     * @throws IllegalArgumentException when the capacity is not between 1 and 2^20
     */
    public RememberingEventSerializer(EventSerializer delegate, int capacity) {
        if (capacity < 1 || capacity > 1 << 20) {
            throw new IllegalArgumentException("capacity must be between 1 and 1048576, was " + capacity);
        }
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        int size = capacity == 1 ? 1 : Integer.highestOneBit(capacity - 1) << 1;
        this.slots = new AtomicReferenceArray<>(size);
        this.mask = size - 1;
    }

    /** How many slots the memory has (the capacity rounded up to a power of two). */
    public int capacity() {
        return slots.length();
    }

    @Override
    public EventData serialize(UUID eventId, Object event, EventMetadata metadata) {
        EventData data = delegate.serialize(eventId, event, metadata);
        remember(data.eventId(), data.eventType(), data.schemaVersion(), data.payload(), event);
        return data;
    }

    @Override
    public Object deserialize(RecordedEvent recorded) {
        int slot = slotOf(recorded.eventId());
        Decoded known = slots.getAcquire(slot);
        if (known != null && known.decodes(recorded)) {
            return known.event();
        }
        Object event = delegate.deserialize(recorded);
        remember(recorded.eventId(), recorded.eventType(), recorded.schemaVersion(), recorded.payload(), event);
        return event;
    }

    private void remember(UUID eventId, String eventType, int schemaVersion, String payload, Object event) {
        slots.setRelease(slotOf(eventId), new Decoded(eventId, eventType, schemaVersion, payload, event));
    }

    private int slotOf(UUID eventId) {
        long bits = eventId.getLeastSignificantBits() ^ eventId.getMostSignificantBits();
        int hash = (int) (bits ^ (bits >>> 32));
        return (hash ^ (hash >>> 16)) & mask;
    }
}
