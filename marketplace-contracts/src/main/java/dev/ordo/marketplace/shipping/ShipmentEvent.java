package dev.ordo.marketplace.shipping;

import java.util.UUID;

/** What happened to a shipment, stored under stable names. */
public sealed interface ShipmentEvent permits ShipmentCreated, ShipmentCancelled {

    UUID shipmentId();
}
