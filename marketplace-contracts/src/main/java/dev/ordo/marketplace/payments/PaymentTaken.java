package dev.ordo.marketplace.payments;

import dev.ordo.marketplace.shared.Money;

/**
 * The payments' answer to a {@link ChargeOrder}: the amount was authorized and captured.
 *
 * @param reference the provider's reference of the payment
 */
public record PaymentTaken(String paymentId, String reference, Money amount) {
}
