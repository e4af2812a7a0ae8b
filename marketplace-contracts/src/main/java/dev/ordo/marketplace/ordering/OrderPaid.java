package dev.ordo.marketplace.ordering;

import dev.ordo.core.event.EventType;
import dev.ordo.marketplace.shared.Money;
import dev.ordo.marketplace.shared.OrderId;
import java.time.Instant;

/**
 * An order was paid in full and is now {@link OrderStatus#PAID}.
 *
 * @param orderId          the order
 * @param amount           the amount paid, equal to the order total
 * @param method           how it was paid
 * @param paymentReference the payment provider's reference
 * @param paidAt           when it was paid
 */
@EventType("order.paid")
public record OrderPaid(OrderId orderId, Money amount, PaymentMethod method, String paymentReference, Instant paidAt)
        implements OrderEvent {
}
