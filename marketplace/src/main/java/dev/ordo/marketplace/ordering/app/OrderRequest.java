package dev.ordo.marketplace.ordering.app;

import dev.ordo.core.bus.command.AddressedCommand;
import dev.ordo.marketplace.ordering.OrderCommand;
import dev.ordo.marketplace.shared.OrderId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/**
 * An order command on its way through the command bus: which order, what to do, and optionally the version the
 * caller saw (HTTP {@code If-Match}).
 *
 * @param orderId         the order's id; its stream is {@code order-<id>}
 * @param command         the command
 * @param expectedVersion the version the caller saw, or {@code null} to apply to the current version
 */
public record OrderRequest(@NotNull OrderId orderId, @NotNull @Valid OrderCommand command, Long expectedVersion)
        implements AddressedCommand {
}
