package dev.ordo.marketplace.platform.live;

import dev.ordo.core.event.RecordedEvent;
import dev.ordo.core.store.EventFilter;
import java.time.Instant;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The notifications feed: each {@code notification.sent} event (a notification a process sent to a customer, such as
 * the fulfilment's confirmation) as a {@code notification} message, read from the stored JSON. Thread-safe.
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

    /**
     * @param events the mapper of stored events
     * @param json   the mapper the messages' data is written with (the web layer's)
     */
    NotificationUpdates(JsonMapper events, JsonMapper json) {
        this.events = events;
        this.json = json;
    }

    @Override
    public String name() {
        return "notifications";
    }

    @Override
    public EventFilter filter() {
        return EventFilter.eventTypes(SENT);
    }

    @Override
    public Optional<LiveMessage> message(RecordedEvent event) {
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
}
