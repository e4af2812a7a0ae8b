package dev.ordo.marketplace.notifications;

/** What happened to a notification, stored under stable names. */
public sealed interface NotificationEvent permits CustomerNotified {
}
