package dev.ordo.marketplace.ordering;

import dev.ordo.core.event.EventType;
import dev.ordo.marketplace.shared.OrderId;
import java.time.Instant;

/**
 * An order reached the customer and is now {@link OrderStatus#DELIVERED}, which is final.
 *
 * @param orderId     the order
 * @param deliveredAt when it was delivered
 */
@EventType("order.delivered")
public record OrderDelivered(OrderId orderId, Instant deliveredAt) implements OrderEvent {
}
