package dev.ordo.marketplace.payments;

import dev.ordo.marketplace.shared.OrderId;
import java.time.Instant;

/**
 * Asks the payments to give back what a {@link ChargeOrder} took, by message (a saga's compensation): a refund of a
 * captured payment, a void of an authorization, nothing when nothing was taken.
 *
 * @param paymentId the id the charge was asked under
 */
public record RefundOrderPayment(OrderId orderId, String paymentId, Instant requestedAt) {
}
