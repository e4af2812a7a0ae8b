package dev.ordo.marketplace.notifications.readmodel;

import dev.ordo.core.event.EventSerializer;
import dev.ordo.core.event.RecordedEvent;
import dev.ordo.marketplace.ordering.OrderEvent;
import dev.ordo.marketplace.platform.live.OrderNotices;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The live notifications' words for an order's events: the ones this read model puts into a customer's list
 * ({@link OrderNotifications}), so the live stream and the list tell the same.
 */
@Component
class LiveOrderNotices implements OrderNotices {

    private final EventSerializer serializer;

    LiveOrderNotices(EventSerializer serializer) {
        this.serializer = serializer;
    }

    @Override
    public Optional<Notice> of(RecordedEvent orderEvent) {
        return serializer.deserialize(orderEvent) instanceof OrderEvent event
                ? OrderNotifications.of(event).map(text -> new Notice(text.kind().name(), text.message()))
                : Optional.empty();
    }
}
