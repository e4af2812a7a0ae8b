package dev.ordo.marketplace.payments.app;

import dev.ordo.marketplace.shared.Money;

/** A payment that was authorized and captured: the customer was charged {@code amount}. */
public record Charge(String paymentId, String reference, Money amount) {
}
