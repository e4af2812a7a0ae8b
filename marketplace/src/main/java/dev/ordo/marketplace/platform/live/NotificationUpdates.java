package dev.ordo.marketplace.platform.live;

import dev.ordo.core.event.RecordedEvent;
import dev.ordo.core.store.EventFilter;
import java.time.Instant;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The notifications feed, the same notifications a customer's list has: each {@code notification.sent} event (a
 * notification a process sent, such as the fulfilment's confirmation), read from the stored JSON, and, where the
 * notifications context runs ({@link OrderNotices}), each event of an order it tells the customer about (placed,
 * paid, shipped, ...; its notification id is the event's id, as in the list). Thread-safe.
 */
final class NotificationUpdates implements LiveTopic {

    static final String SENT = "notification.sent";

    /**
     * The data of a {@code notification} message.
     *
     * @param notificationId the notification (a UUID)
     * @param customerId     who was notified (a UUID)
     * @param orderId        the order it is about (a UUID)
     * @param kind           what it tells ({@code ORDER_CONFIRMED}, ...)
     * @param message        the text the customer got
     * @param sentAt         when it was sent
     * @param position       the event's global position (also the message's id)
     */
    record NotificationUpdate(String notificationId, String customerId, String orderId, String kind, String message,
                              Instant sentAt, long position) {
    }

    private final JsonMapper events;
    private final JsonMapper json;
    private final OrderNotices notices;
    private final OrderCustomers customers;

    /**
     * @param events    the mapper of stored events
     * @param json      the mapper the messages' data is written with (the web layer's)
     * @param notices   what customers are told about their orders' events, or {@code null} where the notifications
     *                  context does not run (then only {@code notification.sent} events are shown)
     * @param customers who placed each order
     */
    NotificationUpdates(JsonMapper events, JsonMapper json, OrderNotices notices, OrderCustomers customers) {
        this.events = events;
        this.json = json;
        this.notices = notices;
        this.customers = customers;
    }

    @Override
    public String name() {
        return "notifications";
    }

    @Override
    public EventFilter filter() {
        return notices == null ? EventFilter.eventTypes(SENT) : EventFilter.categories("notification", "order");
    }

    @Override
    public Optional<LiveMessage> message(RecordedEvent event) {
        if (notices != null && event.streamId().category().equals("order")) {
            return notices.of(event).flatMap(notice -> aboutOrder(event, notice));
        }
        if (!event.eventType().equals(SENT)) {
            return Optional.empty();
        }
        JsonNode payload = events.readTree(event.payload());
        JsonNode sentAt = payload.path("sentAt");
        String customer = LiveTopic.text(payload, "customerId");
        NotificationUpdate update = new NotificationUpdate(LiveTopic.text(payload, "notificationId"), customer,
                LiveTopic.text(payload, "orderId"), LiveTopic.text(payload, "kind"), LiveTopic.text(payload, "message"),
                sentAt.isMissingNode() || sentAt.isNull() ? null : events.treeToValue(sentAt, Instant.class),
                event.position());
        return Optional.of(new LiveMessage(event.position(), "notification", customer,
                json.writeValueAsString(update)));
    }

    private Optional<LiveMessage> aboutOrder(RecordedEvent event, OrderNotices.Notice notice) {
        String customer = customers.of(event);
        if (customer == null) {
            return Optional.empty();
        }
        NotificationUpdate update = new NotificationUpdate(event.eventId().toString(), customer,
                event.streamId().idPart(), notice.kind(), notice.message(), event.recordedAt(), event.position());
        return Optional.of(new LiveMessage(event.position(), "notification", customer,
                json.writeValueAsString(update)));
    }
}
