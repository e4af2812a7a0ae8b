package dev.ordo.marketplace.shipping;

import dev.ordo.core.event.EventType;
import dev.ordo.marketplace.shared.Address;
import dev.ordo.marketplace.shared.OrderId;
import java.time.Instant;
import java.util.UUID;

/** What happened to a shipment, stored under stable names. */
public sealed interface ShipmentEvent {

    UUID shipmentId();

    /** A parcel was booked: the carrier and tracking number are known. */
    @EventType("shipment.created")
    record ShipmentCreated(UUID shipmentId, OrderId orderId, Address address, String carrier, String trackingNumber,
                           Instant createdAt) implements ShipmentEvent {
    }

    /** The booking was cancelled. */
    @EventType("shipment.cancelled")
    record ShipmentCancelled(UUID shipmentId, String reason, Instant cancelledAt) implements ShipmentEvent {
    }
}
