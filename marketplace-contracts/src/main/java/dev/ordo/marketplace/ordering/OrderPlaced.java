package dev.ordo.marketplace.ordering;

import dev.ordo.core.event.EventType;
import dev.ordo.marketplace.shared.Address;
import dev.ordo.marketplace.shared.CustomerId;
import dev.ordo.marketplace.shared.Money;
import dev.ordo.marketplace.shared.OrderId;
import java.time.Instant;
import java.util.List;

/**
 * An order was placed and is now {@link OrderStatus#PENDING}.
 *
 * @param orderId         the order
 * @param customerId      who ordered
 * @param lines           the ordered lines, one per product
 * @param shippingAddress where to ship
 * @param total           the sum of quantity times unit price over the lines
 * @param placedAt        when it was placed
 */
@EventType("order.placed")
public record OrderPlaced(OrderId orderId, CustomerId customerId, List<OrderLine> lines, Address shippingAddress,
                          Money total, Instant placedAt) implements OrderEvent {

    public OrderPlaced {
        lines = List.copyOf(lines);
    }
}
