package dev.ordo.marketplace.platform.live;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.ordo.core.event.RecordedEvent;
import dev.ordo.core.event.StreamId;
import dev.ordo.core.store.EventFilter;
import dev.ordo.core.store.EventReader;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The orders feed: each event of an {@code order} stream as an {@code order} message with the order's status right
 * after it, read from the stored JSON (the platform knows no context's classes).
 *
 * <p>Only {@code order.placed} names the order's customer. The customers of the most recent orders are remembered (a
 * bounded cache); an order not remembered has its customer read from the first event of its stream. A shipping
 * address change leaves an order PENDING or PAID, whichever it was: that is read from the stream before it.
 * Thread-safe.
 */
final class OrderUpdates implements LiveTopic {

    static final String PLACED = "order.placed";
    static final String ITEM_ADDED = "order.item-added";
    static final String ITEM_REMOVED = "order.item-removed";
    static final String ADDRESS_CHANGED = "order.shipping-address-changed";
    static final String PAID = "order.paid";
    static final String SHIPPED = "order.shipped";
    static final String DELIVERED = "order.delivered";
    static final String CANCELLED = "order.cancelled";

    /**
     * The data of an {@code order} message.
     *
     * @param orderId    the order (a UUID)
     * @param customerId who placed it (a UUID); {@code null} when its placement cannot be read
     * @param type       the stored event type ({@code order.placed}, {@code order.paid}, ...)
     * @param status     the order's status right after the event: PENDING, PAID, SHIPPED, DELIVERED or CANCELLED
     * @param version    the event's version in the order's stream (the order's version after it)
     * @param position   the event's global position (also the message's id)
     * @param recordedAt when the store recorded it
     * @param reason     why the order was cancelled, for {@code order.cancelled}; {@code null} otherwise
     */
    record OrderUpdate(String orderId, String customerId, String type, String status, long version, long position,
                       Instant recordedAt, String reason) {
    }

    private final EventReader reader;
    private final JsonMapper events;
    private final JsonMapper json;
    private final Cache<String, String> customers;

    /**
     * @param events           the mapper of stored events
     * @param json             the mapper the messages' data is written with (the web layer's)
     * @param rememberedOrders how many orders' customers are kept
     */
    OrderUpdates(EventReader reader, JsonMapper events, JsonMapper json, long rememberedOrders) {
        this.reader = reader;
        this.events = events;
        this.json = json;
        this.customers = Caffeine.newBuilder().maximumSize(rememberedOrders).build();
    }

    @Override
    public String name() {
        return "orders";
    }

    @Override
    public EventFilter filter() {
        return EventFilter.categories("order");
    }

    @Override
    public Optional<LiveMessage> message(RecordedEvent event) {
        String status = statusAfter(event);
        if (status == null) {
            return Optional.empty();
        }
        String orderId = event.streamId().idPart();
        String customer;
        String reason = null;
        if (event.eventType().equals(PLACED)) {
            customer = LiveTopic.text(events.readTree(event.payload()), "customerId");
            if (customer != null) {
                customers.put(orderId, customer);
            }
        } else {
            customer = customers.get(orderId, order -> placedBy(event.streamId()));
            if (event.eventType().equals(CANCELLED)) {
                reason = LiveTopic.text(events.readTree(event.payload()), "reason");
            }
        }
        OrderUpdate update = new OrderUpdate(orderId, customer, event.eventType(), status, event.streamVersion(),
                event.position(), event.recordedAt(), reason);
        return Optional.of(new LiveMessage(event.position(), "order", customer, json.writeValueAsString(update)));
    }

    /** The status an order has right after the event, {@code null} for an event type this feed does not know. */
    private String statusAfter(RecordedEvent event) {
        return switch (event.eventType()) {
            case PLACED, ITEM_ADDED, ITEM_REMOVED -> "PENDING";
            case ADDRESS_CHANGED -> paidBefore(event) ? "PAID" : "PENDING";
            case PAID -> "PAID";
            case SHIPPED -> "SHIPPED";
            case DELIVERED -> "DELIVERED";
            case CANCELLED -> "CANCELLED";
            default -> null;
        };
    }

    /** The customer named by the order's placement, its stream's first event; {@code null} when that is not one. */
    private String placedBy(StreamId order) {
        List<RecordedEvent> first = reader.readStreamForwards(order, 1, 1);
        return first.isEmpty() || !first.getFirst().eventType().equals(PLACED) ? null
                : LiveTopic.text(events.readTree(first.getFirst().payload()), "customerId");
    }

    /** Whether the order was paid before this event (an address may change while the order is PENDING or PAID). */
    private boolean paidBefore(RecordedEvent event) {
        int before = (int) Math.min(event.streamVersion() - 1, EventReader.MAX_PAGE);
        return before > 0 && reader.readStreamForwards(event.streamId(), 1, before).stream()
                .anyMatch(earlier -> earlier.eventType().equals(PAID));
    }
}
