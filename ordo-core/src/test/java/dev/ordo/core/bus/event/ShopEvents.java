package dev.ordo.core.bus.event;

import dev.ordo.core.event.EventData;
import dev.ordo.core.event.EventMetadata;
import dev.ordo.core.event.EventSerializationException;
import dev.ordo.core.event.EventSerializer;
import dev.ordo.core.event.RecordedEvent;
import dev.ordo.core.event.StreamId;
import dev.ordo.core.event.UnknownEventTypeException;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A tiny test domain for the event bus: cart events under a sealed interface, and an order event. */
final class ShopEvents {

    private ShopEvents() {
    }

    sealed interface CartEvent {
    }

    record ItemAdded(String sku) implements CartEvent {
    }

    record ItemRemoved(String sku) implements CartEvent {
    }

    record OrderPlaced(String orderId) {
    }

    static final String ITEM_ADDED = "cart.item-added";
    static final String ITEM_REMOVED = "cart.item-removed";
    static final String ORDER_PLACED = "order.placed";

    /** Writes each event's one field as {@code {"value":"..."}}; knows nothing but the three types above. */
    static final class Serializer implements EventSerializer {

        private static final Pattern VALUE = Pattern.compile("\\{\"value\":\"([^\"]*)\"}");

        @Override
        public EventData serialize(UUID eventId, Object event, EventMetadata metadata) {
            return switch (event) {
                case ItemAdded added -> data(eventId, ITEM_ADDED, added.sku(), metadata);
                case ItemRemoved removed -> data(eventId, ITEM_REMOVED, removed.sku(), metadata);
                case OrderPlaced placed -> data(eventId, ORDER_PLACED, placed.orderId(), metadata);
                default -> throw new UnknownEventTypeException("not a shop event: " + event);
            };
        }

        @Override
        public Object deserialize(RecordedEvent recorded) {
            return switch (recorded.eventType()) {
                case ITEM_ADDED -> new ItemAdded(value(recorded));
                case ITEM_REMOVED -> new ItemRemoved(value(recorded));
                case ORDER_PLACED -> new OrderPlaced(value(recorded));
                default -> throw new UnknownEventTypeException("unknown type " + recorded.eventType());
            };
        }

        private static EventData data(UUID eventId, String type, String value, EventMetadata metadata) {
            return new EventData(eventId, type, 1, "{\"value\":\"" + value + "\"}", metadata);
        }

        private static String value(RecordedEvent recorded) {
            Matcher matcher = VALUE.matcher(recorded.payload());
            if (!matcher.matches()) {
                throw new EventSerializationException("bad payload " + recorded.payload());
            }
            return matcher.group(1);
        }
    }

    private static final Serializer SERIALIZER = new Serializer();

    /** The event as the store would return it at the given position, version 1 of its stream. */
    static RecordedEvent recorded(long position, String stream, Object event) {
        EventData data = SERIALIZER.serialize(event, EventMetadata.empty());
        return recorded(position, stream, data.eventType(), data.payload());
    }

    /** A stored event of any type and payload, for types the serializer does not know or payloads it cannot read. */
    static RecordedEvent recorded(long position, String stream, String type, String payload) {
        return new RecordedEvent(UUID.randomUUID(), StreamId.of(stream), 1, position, type, 1, payload,
                EventMetadata.empty(), Instant.parse("2025-01-01T00:00:00Z"));
    }
}
