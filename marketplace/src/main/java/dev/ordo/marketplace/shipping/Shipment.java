package dev.ordo.marketplace.shipping;

import dev.ordo.marketplace.shared.Address;
import dev.ordo.marketplace.shared.OrderId;
import java.time.Instant;
import java.util.UUID;

/** The state of a shipment stream. Built only by {@link ShipmentDecider#evolve}; immutable. */
public sealed interface Shipment {

    /** Nothing booked. */
    record None() implements Shipment {
    }

    /** Booked with a carrier. */
    record Created(UUID shipmentId, OrderId orderId, Address address, String carrier, String trackingNumber,
                   Instant createdAt) implements Shipment {
    }

    /** Booked, then cancelled; final. */
    record Cancelled(Created shipment, String reason, Instant cancelledAt) implements Shipment {
    }
}
