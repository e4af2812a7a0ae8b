package dev.ordo.marketplace.notifications;

import dev.ordo.core.decider.Decider;

import java.util.List;
import java.util.Objects;

/**
 * A notification as a pure {@link Decider}: sending records it once; sending it again records nothing, so a retried
 * step never notifies twice. Stateless and thread-safe.
 */
public final class NotificationDecider implements Decider<SendNotification, Notification, NotificationEvent> {

    @Override
    public Notification initialState() {
        return new Notification.Unsent();
    }

    /** @throws NotificationRuleViolation when a field is missing */
    @Override
    public List<NotificationEvent> decide(SendNotification send, Notification state) {
        Objects.requireNonNull(send, "command");
        return switch (state) {
            case Notification.Sent sent -> List.of();
            case Notification.Unsent unsent -> {
                require(send.notificationId(), "notificationId");
                require(send.customerId(), "customerId");
                require(send.orderId(), "orderId");
                require(send.kind(), "kind");
                require(send.sentAt(), "sentAt");
                if (send.message() == null || send.message().isBlank()) {
                    throw new NotificationRuleViolation("message");
                }
                yield List.of(new CustomerNotified(send.notificationId(), send.customerId(), send.orderId(),
                        send.kind(), send.message(), send.sentAt()));
            }
        };
    }

    @Override
    public Notification evolve(Notification state, NotificationEvent event) {
        return switch (event) {
            case CustomerNotified notified -> new Notification.Sent(notified);
        };
    }

    private static void require(Object value, String field) {
        if (value == null) {
            throw new NotificationRuleViolation(field);
        }
    }
}
