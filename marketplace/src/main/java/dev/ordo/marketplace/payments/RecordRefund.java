package dev.ordo.marketplace.payments;

import dev.ordo.marketplace.shared.Money;
import dev.ordo.marketplace.shared.OrderId;
import java.time.Instant;

/**
 * The provider refunded the payment (or voided its authorization).
 *
 * @param amount what the provider gave back; used when the stream never learnt of the payment (the refund of a
 *               call whose outcome was unknown)
 */
public record RecordRefund(OrderId orderId, String paymentId, Money amount, Instant at) implements PaymentCommand {
}
