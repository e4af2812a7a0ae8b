package dev.ordo.marketplace.shipping;

import dev.ordo.core.event.EventType;
import dev.ordo.marketplace.shared.Address;
import dev.ordo.marketplace.shared.OrderId;
import java.time.Instant;
import java.util.UUID;

/** A parcel was booked: the carrier and tracking number are known. */
@EventType("shipment.created")
public record ShipmentCreated(UUID shipmentId, OrderId orderId, Address address, String carrier, String trackingNumber,
                              Instant createdAt) implements ShipmentEvent {
}
