package dev.ordo.marketplace.shipping;

import java.util.Locale;

/** Every rule {@link ShipmentDecider} enforces; {@link #id()} is stable. */
public enum ShippingRule {
    /** Creating names the shipment. */
    SHIPMENT_ID_REQUIRED,
    /** A stream holds one shipment. */
    SHIPMENT_ID_MISMATCH,
    /** Creating names the order shipped. */
    ORDER_REQUIRED,
    /** The address is complete. */
    ADDRESS_REQUIRED,
    /** Every command carries the time it happened. */
    TIMESTAMP_REQUIRED,
    /** A cancellation gives a reason. */
    CANCELLATION_REASON_REQUIRED,
    /** A cancelled shipment is not booked again. */
    SHIPMENT_CANCELLED,
    /** Reading a shipment that does not exist (the HTTP layer answers 404). */
    SHIPMENT_NOT_FOUND;

    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
