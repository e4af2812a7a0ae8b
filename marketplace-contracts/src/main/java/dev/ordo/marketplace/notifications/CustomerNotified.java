package dev.ordo.marketplace.notifications;

import dev.ordo.core.event.EventType;
import dev.ordo.marketplace.shared.CustomerId;
import dev.ordo.marketplace.shared.OrderId;
import java.time.Instant;
import java.util.UUID;

/** A notification went to the customer. */
@EventType("notification.sent")
public record CustomerNotified(UUID notificationId, CustomerId customerId, OrderId orderId, NotificationKind kind,
                               String message, Instant sentAt) implements NotificationEvent {
}
