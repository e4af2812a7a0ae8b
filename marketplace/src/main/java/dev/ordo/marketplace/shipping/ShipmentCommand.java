package dev.ordo.marketplace.shipping;

import dev.ordo.marketplace.shared.Address;
import dev.ordo.marketplace.shared.OrderId;
import java.time.Instant;
import java.util.UUID;

/**
 * A request about a shipment, decided by {@link ShipmentDecider} on {@code StreamId.of("shipment", shipmentId)}.
 * Both commands are idempotent: creating a created shipment or cancelling a cancelled (or never created) one
 * records nothing.
 */
public sealed interface ShipmentCommand {

    /**
     * Books a parcel with a carrier.
     *
     * @param shipmentId the shipment's id (from a saga's invocation id, so a retry books the same parcel)
     * @param orderId    what is shipped
     * @param address    where to
     */
    record CreateShipment(UUID shipmentId, OrderId orderId, Address address, Instant createdAt)
            implements ShipmentCommand {
    }

    /** Cancels the booking, with a reason. */
    record CancelShipment(String reason, Instant cancelledAt) implements ShipmentCommand {
    }
}
