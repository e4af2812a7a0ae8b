package dev.ordo.marketplace.ordering;

/** How a customer paid for an order. */
public enum PaymentMethod {
    CARD,
    PAYPAL,
    BANK_TRANSFER,
    CRYPTO
}
