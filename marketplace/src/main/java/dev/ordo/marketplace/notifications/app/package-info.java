/**
 * The notifications context's application layer and public API: sending a notification (as a
 * {@link dev.ordo.marketplace.notifications.app.NotificationService#request} through the command bus).
 */
package dev.ordo.marketplace.notifications.app;
