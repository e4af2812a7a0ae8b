package dev.ordo.marketplace.catalog;

import java.util.Locale;

/**
 * Every rule {@link ProductDecider} enforces. {@link #id()} is the stable kebab-case id carried by
 * {@link CatalogRuleViolation#rule()}; clients may rely on it, so a constant is never renamed.
 */
public enum CatalogRule {

    /** A product can be registered only on a stream that has none. */
    PRODUCT_ALREADY_REGISTERED,
    /** Changing a product needs a registered product (the HTTP layer answers 404). */
    PRODUCT_NOT_FOUND,
    /** Registering needs a product id. */
    PRODUCT_ID_REQUIRED,
    /** Registering needs the producer's id. */
    PRODUCER_REQUIRED,
    /** Registering needs the producer's non-blank name. */
    PRODUCER_NAME_REQUIRED,
    /** Registering needs the product's non-blank name. */
    PRODUCT_NAME_REQUIRED,
    /** Registering and changing a price need a price. */
    PRICE_REQUIRED,
    /** Prices are zero or more. */
    PRICE_MUST_NOT_BE_NEGATIVE,
    /** A product keeps the currency it was registered with. */
    CURRENCY_CANNOT_CHANGE,
    /** Every command carries the time it happened. */
    TIMESTAMP_REQUIRED;

    /** The stable kebab-case id, for example {@code currency-cannot-change}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
