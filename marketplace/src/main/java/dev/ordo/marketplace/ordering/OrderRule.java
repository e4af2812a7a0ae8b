package dev.ordo.marketplace.ordering;

import java.util.Locale;

/**
 * Every rule {@link OrderDecider} enforces. {@link #id()} is the stable kebab-case id carried by
 * {@link OrderRuleViolation#rule()}; clients may rely on it, so a constant is never renamed.
 */
public enum OrderRule {

    /** An order can be placed only on a stream that has none. */
    ORDER_ALREADY_EXISTS,
    /** Every command other than placing needs a placed order (the HTTP layer answers 404). */
    ORDER_NOT_FOUND,
    /** Placing needs an order id. */
    ORDER_ID_REQUIRED,
    /** Placing needs a customer. */
    CUSTOMER_REQUIRED,
    /** Every command carries the time it happened. */
    TIMESTAMP_REQUIRED,
    /** An order is placed with at least one line. */
    ORDER_MUST_HAVE_ITEMS,
    /** Each product appears on at most one line when placing; add more units with {@code AddItem}. */
    DUPLICATE_PRODUCT_LINE,
    /** Every line and item names its product. */
    PRODUCT_REQUIRED,
    /** Every line and added item has a non-blank product name. */
    PRODUCT_NAME_REQUIRED,
    /** Quantities placed, added or removed are greater than zero. */
    QUANTITY_MUST_BE_POSITIVE,
    /** A line holds at most {@value OrderLine#MAX_QUANTITY} units. */
    QUANTITY_LIMIT_EXCEEDED,
    /** Every line and added item has a unit price. */
    PRICE_REQUIRED,
    /** Unit prices are zero or more. */
    PRICE_MUST_NOT_BE_NEGATIVE,
    /** All prices of an order are in one currency, the currency of its first line. */
    ONE_CURRENCY_PER_ORDER,
    /** More units of a product already on the order are added at that line's unit price. */
    UNIT_PRICE_MUST_MATCH_LINE,
    /** The shipping address is present and has no blank field. */
    ADDRESS_REQUIRED,
    /** Items are added and removed only while the order is {@code PENDING}. */
    ITEMS_ONLY_CHANGE_WHILE_PENDING,
    /** Only products on the order can be removed. */
    PRODUCT_NOT_IN_ORDER,
    /** No more units can be removed than the line holds. */
    CANNOT_REMOVE_MORE_THAN_ORDERED,
    /** Removing the last unit of the last line is refused: cancel the order instead. */
    ORDER_MUST_KEEP_AN_ITEM,
    /** The shipping address changes only while the order is {@code PENDING} or {@code PAID}. */
    ADDRESS_CHANGE_ONLY_BEFORE_SHIPMENT,
    /** Only a {@code PENDING} order can be paid. */
    PAYMENT_REQUIRES_PENDING_ORDER,
    /** A payment states its amount. */
    PAYMENT_AMOUNT_REQUIRED,
    /** The amount paid equals the order total exactly, in the order's currency. */
    PAYMENT_AMOUNT_MUST_MATCH_TOTAL,
    /** A payment states its method. */
    PAYMENT_METHOD_REQUIRED,
    /** A payment carries the provider's non-blank reference. */
    PAYMENT_REFERENCE_REQUIRED,
    /** Only a {@code PAID} order can be shipped. */
    SHIPMENT_REQUIRES_PAID_ORDER,
    /** A shipment carries a non-blank tracking number. */
    TRACKING_NUMBER_REQUIRED,
    /** A shipment names its carrier. */
    CARRIER_REQUIRED,
    /** Only a {@code SHIPPED} order can be delivered. */
    DELIVERY_REQUIRES_SHIPPED_ORDER,
    /** A cancellation gives a non-blank reason. */
    CANCELLATION_REASON_REQUIRED,
    /** A delivered order cannot be cancelled. */
    CANCEL_NOT_AFTER_DELIVERY,
    /** A cancelled order cannot be cancelled again. */
    ORDER_ALREADY_CANCELLED;

    /** The stable kebab-case id, for example {@code payment-amount-must-match-total}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
