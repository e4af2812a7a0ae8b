package dev.ordo.marketplace.notifications;

/** What a notification tells the customer. */
public enum NotificationKind {
    ORDER_PLACED, ORDER_PAID, ORDER_SHIPPED, ORDER_DELIVERED, ORDER_CANCELLED, ORDER_CONFIRMED
}
