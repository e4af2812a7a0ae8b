package dev.ordo.marketplace.shipping;

/**
 * A request about a shipment, decided by the shipping context's {@code ShipmentDecider} on
 * {@code StreamId.of("shipment", shipmentId)}.
 * Both commands are idempotent: creating a created shipment or cancelling a cancelled (or never created) one
 * records nothing.
 */
public sealed interface ShipmentCommand permits CreateShipment, CancelShipment {
}
