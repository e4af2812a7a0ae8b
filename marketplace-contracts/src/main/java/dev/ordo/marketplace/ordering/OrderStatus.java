package dev.ordo.marketplace.ordering;

/**
 * Where an order is in its lifecycle; each value matches one state record of the ordering context's
 * {@code Order.Placed}.
 */
public enum OrderStatus {
    /** Placed and not yet paid; items and the address may still change. */
    PENDING,
    /** Paid in full; waiting for shipment; the address may still change. */
    PAID,
    /** Handed to a carrier. */
    SHIPPED,
    /** Received by the customer; final. */
    DELIVERED,
    /** Cancelled before delivery; final. */
    CANCELLED
}
