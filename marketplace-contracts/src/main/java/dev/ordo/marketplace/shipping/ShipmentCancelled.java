package dev.ordo.marketplace.shipping;

import dev.ordo.core.event.EventType;
import java.time.Instant;
import java.util.UUID;

/** The booking was cancelled. */
@EventType("shipment.cancelled")
public record ShipmentCancelled(UUID shipmentId, String reason, Instant cancelledAt) implements ShipmentEvent {
}
