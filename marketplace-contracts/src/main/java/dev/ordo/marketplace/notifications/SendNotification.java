package dev.ordo.marketplace.notifications;

import dev.ordo.marketplace.shared.CustomerId;
import dev.ordo.marketplace.shared.OrderId;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.UUID;

/**
 * Sends a customer a notification; idempotent by notification id (its stream is
 * {@code StreamId.of("notification", notificationId)}).
 */
public record SendNotification(@NotNull UUID notificationId, @NotNull CustomerId customerId, @NotNull OrderId orderId,
                               @NotNull NotificationKind kind, @NotBlank String message, @NotNull Instant sentAt) {
}
