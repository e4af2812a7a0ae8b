/**
 * Notifications: messages to customers about their orders. Sent notifications are events of their own; the read
 * model also turns order events into notifications.
 */
package dev.ordo.marketplace.notifications;
