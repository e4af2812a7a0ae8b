package dev.ordo.marketplace.payments;

import dev.ordo.marketplace.shared.Money;

/** The provider's answer to an authorization. */
public sealed interface Authorization {

    String paymentId();

    /** The amount is reserved; {@code reference} is the provider's id of the payment. */
    record Approved(String paymentId, String reference, Money amount) implements Authorization {
    }

    /** Refused for good (insufficient funds, a blocked card); retrying changes nothing. */
    record Declined(String paymentId, String reason) implements Authorization {
    }
}
