package dev.ordo.marketplace.inventory;

import java.util.Locale;

/**
 * Every rule {@link StockDecider} enforces. {@link #id()} is the stable kebab-case id carried by
 * {@link InventoryRuleViolation#rule()}; clients may rely on it, so a constant is never renamed.
 */
public enum InventoryRule {

    /** Adding stock names the product. */
    PRODUCT_REQUIRED,
    /** Every command carries the time it happened. */
    TIMESTAMP_REQUIRED,
    /** Units added or reserved are greater than zero. */
    QUANTITY_MUST_BE_POSITIVE,
    /** A product holds at most {@value StockDecider#MAX_UNITS} units, so counts cannot overflow. */
    QUANTITY_LIMIT_EXCEEDED,
    /** A stream holds the stock of one product. */
    PRODUCT_MISMATCH,
    /** Reserving and releasing name the reservation. */
    RESERVATION_ID_REQUIRED,
    /** A reservation id is used for one quantity only. */
    RESERVATION_ID_REUSED,
    /** A reservation takes at most the units available; available stock never goes below zero. */
    INSUFFICIENT_STOCK,
    /** A delivery of a product the catalog never registered (the HTTP layer answers 404). */
    PRODUCT_NOT_FOUND,
    /** Reading the stock of a product that has none recorded (the HTTP layer answers 404). */
    STOCK_NOT_FOUND;

    /** The stable kebab-case id, for example {@code insufficient-stock}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
