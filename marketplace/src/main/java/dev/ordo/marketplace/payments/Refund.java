package dev.ordo.marketplace.payments;

import dev.ordo.marketplace.shared.Money;

/** The provider's answer to a refund. */
public sealed interface Refund {

    String paymentId();

    /** The amount went back to the customer (or the authorization was voided). */
    record Refunded(String paymentId, Money amount) implements Refund {
    }

    /** The provider holds nothing for this payment: it was never authorized, declined, or already refunded. */
    record NothingToRefund(String paymentId) implements Refund {
    }
}
