package dev.ordo.marketplace.shipping;

import java.time.Instant;
import java.util.UUID;

/**
 * A saga's request to cancel a shipment's booking; cancelling one never booked changes nothing and keeps the
 * shipment from being booked later. Published contract: {@link ShippingContracts#CANCEL}.
 */
public record CancelBooking(UUID shipmentId, String reason, Instant cancelledAt) {
}
