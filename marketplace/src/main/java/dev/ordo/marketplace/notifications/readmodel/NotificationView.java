package dev.ordo.marketplace.notifications.readmodel;

import java.time.Instant;

/** A notification as the API shows it. */
public record NotificationView(String notificationId, String customerId, String orderId, String kind, String message,
                               Instant createdAt) {
}
