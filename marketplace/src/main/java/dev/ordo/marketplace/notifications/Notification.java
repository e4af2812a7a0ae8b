package dev.ordo.marketplace.notifications;

/** The state of a notification stream. */
public sealed interface Notification {

    /** Not sent. */
    record Unsent() implements Notification {
    }

    /** Sent; final. */
    record Sent(CustomerNotified notification) implements Notification {
    }
}
