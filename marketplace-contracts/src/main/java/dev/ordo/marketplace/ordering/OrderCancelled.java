package dev.ordo.marketplace.ordering;

import dev.ordo.core.event.EventType;
import dev.ordo.marketplace.shared.OrderId;
import java.time.Instant;

/**
 * An order was cancelled and is now {@link OrderStatus#CANCELLED}, which is final. A cancellation from
 * {@link OrderStatus#PAID} or {@link OrderStatus#SHIPPED} means the payment has to be refunded.
 *
 * @param orderId       the order
 * @param reason        why it was cancelled
 * @param cancelledFrom the status the order had just before
 * @param cancelledAt   when it was cancelled
 */
@EventType("order.cancelled")
public record OrderCancelled(OrderId orderId, String reason, OrderStatus cancelledFrom, Instant cancelledAt)
        implements OrderEvent {
}
