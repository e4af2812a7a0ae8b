package dev.ordo.marketplace.ordering;

import dev.ordo.core.event.EventType;
import dev.ordo.marketplace.shared.OrderId;
import java.time.Instant;

/**
 * An order was handed to a carrier and is now {@link OrderStatus#SHIPPED}.
 *
 * @param orderId        the order
 * @param trackingNumber the carrier's tracking number
 * @param carrier        the carrier's name
 * @param shippedAt      when it was shipped
 */
@EventType("order.shipped")
public record OrderShipped(OrderId orderId, String trackingNumber, String carrier, Instant shippedAt)
        implements OrderEvent {
}
