package dev.ordo.marketplace.payments;

import dev.ordo.marketplace.shared.Money;
import dev.ordo.marketplace.shared.OrderId;
import java.time.Instant;

/**
 * Asks the payments to authorize and capture an order's total, by message (a saga step's request). Charged once per
 * {@code paymentId}: a request sent again gets the same answer.
 *
 * @param paymentId the payment's id (a saga step's invocation id), the provider's idempotency key
 * @param method    how the customer pays, such as {@code CARD}
 */
public record ChargeOrder(OrderId orderId, String paymentId, Money amount, String method, Instant requestedAt) {
}
