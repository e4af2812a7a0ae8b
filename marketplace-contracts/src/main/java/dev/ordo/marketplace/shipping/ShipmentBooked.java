package dev.ordo.marketplace.shipping;

import java.util.UUID;

/**
 * Shipping's answer to a {@link CreateShipment} asked by message (a saga step's request): the parcel is booked.
 *
 * @param carrier        who carries it
 * @param trackingNumber the carrier's number for it
 */
public record ShipmentBooked(UUID shipmentId, String carrier, String trackingNumber) {
}
