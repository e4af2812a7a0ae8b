package dev.ordo.marketplace.shipping;

import dev.ordo.marketplace.shared.Address;
import dev.ordo.marketplace.shared.OrderId;
import java.time.Instant;
import java.util.UUID;

/**
 * Books a parcel with a carrier.
 *
 * @param shipmentId the shipment's id (from a saga's invocation id, so a retry books the same parcel)
 * @param orderId    what is shipped
 * @param address    where to
 */
public record CreateShipment(UUID shipmentId, OrderId orderId, Address address, Instant createdAt)
        implements ShipmentCommand {
}
