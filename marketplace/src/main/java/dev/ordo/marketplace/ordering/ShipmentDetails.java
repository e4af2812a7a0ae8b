package dev.ordo.marketplace.ordering;

import java.time.Instant;

/**
 * The shipment of an order, as recorded by {@link OrderShipped}.
 *
 * @param trackingNumber the carrier's tracking number
 * @param carrier        the carrier's name
 * @param shippedAt      when the order was handed to the carrier
 */
public record ShipmentDetails(String trackingNumber, String carrier, Instant shippedAt) {
}
