package dev.ordo.marketplace.payments;

/** Where one payment is. */
public enum PaymentStatus {
    AUTHORIZED, CAPTURED, REFUNDED, DECLINED
}
