package dev.ordo.marketplace.payments;

import dev.ordo.marketplace.shared.Money;

/** The provider took the money: the charge. */
public record Capture(String paymentId, String reference, Money amount) {
}
