package dev.ordo.marketplace.notifications.app;

import dev.ordo.core.bus.command.AddressedCommand;
import dev.ordo.marketplace.notifications.SendNotification;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/** A notification on its way through the command bus; its stream is {@code notification-<notificationId>}. */
public record NotificationRequest(@NotNull @Valid SendNotification command) implements AddressedCommand {
}
