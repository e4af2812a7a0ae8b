package dev.ordo.marketplace.payments;

import java.util.Locale;

/**
 * Every rule {@link PaymentDecider} enforces; {@link #id()} is stable.
 */
public enum PaymentRule {
    /** Every command names the order. */
    ORDER_REQUIRED,
    /** A stream holds the payments of one order. */
    ORDER_MISMATCH,
    /** Every command names the payment. */
    PAYMENT_ID_REQUIRED,
    /** Every command carries the time it happened. */
    TIMESTAMP_REQUIRED,
    /** Amounts are greater than zero. */
    AMOUNT_MUST_BE_POSITIVE,
    /** An authorization names how it was paid. */
    METHOD_REQUIRED,
    /** An authorization carries the provider's reference. */
    REFERENCE_REQUIRED,
    /** A decline gives the provider's reason. */
    REASON_REQUIRED,
    /** A declined payment stays declined. */
    PAYMENT_ALREADY_DECLINED,
    /** An authorized payment cannot be declined afterwards. */
    PAYMENT_ALREADY_AUTHORIZED,
    /** Only an authorized payment can be captured. */
    PAYMENT_NOT_AUTHORIZED,
    /** A refunded payment cannot be captured. */
    PAYMENT_ALREADY_REFUNDED,
    /** Reading payments of an order that has none (the HTTP layer answers 404). */
    PAYMENT_NOT_FOUND;

    /** The stable kebab-case id, for example {@code payment-not-authorized}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
