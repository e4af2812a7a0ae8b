package dev.ordo.marketplace.shipping.app;

import dev.ordo.core.bus.command.AddressedCommand;
import dev.ordo.marketplace.shipping.ShipmentCommand;
import jakarta.validation.constraints.NotNull;
import java.util.UUID;

/**
 * A shipment command on its way through the command bus.
 *
 * @param shipmentId the shipment; its stream is {@code shipment-<id>}
 */
public record ShipmentRequest(@NotNull UUID shipmentId, @NotNull ShipmentCommand command) implements AddressedCommand {
}
