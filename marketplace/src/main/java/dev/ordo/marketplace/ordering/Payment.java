package dev.ordo.marketplace.ordering;

import dev.ordo.marketplace.shared.Money;
import java.time.Instant;

/**
 * The payment that settled an order, as recorded by {@link OrderPaid}.
 *
 * @param amount    the amount paid; equal to the order total
 * @param method    how it was paid
 * @param reference the payment provider's reference
 * @param paidAt    when it was paid
 */
public record Payment(Money amount, PaymentMethod method, String reference, Instant paidAt) {
}
