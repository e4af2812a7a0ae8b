package dev.ordo.marketplace.shipping;

import java.time.Instant;

/** Cancels the booking, with a reason. */
public record CancelShipment(String reason, Instant cancelledAt) implements ShipmentCommand {
}
