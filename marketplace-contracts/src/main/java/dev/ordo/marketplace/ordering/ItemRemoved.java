package dev.ordo.marketplace.ordering;

import dev.ordo.core.event.EventType;
import dev.ordo.marketplace.shared.Money;
import dev.ordo.marketplace.shared.OrderId;
import dev.ordo.marketplace.shared.ProductId;
import java.time.Instant;

/**
 * Units of a product were removed from a pending order; when {@code lineQuantity} is 0 the line is gone.
 *
 * @param orderId      the order
 * @param productId    the product
 * @param quantity     how many units were removed
 * @param lineQuantity the line's quantity after the removal, 0 when the line was removed
 * @param orderTotal   the order total after the removal
 * @param removedAt    when they were removed
 */
@EventType("order.item-removed")
public record ItemRemoved(OrderId orderId, ProductId productId, int quantity, int lineQuantity, Money orderTotal,
                          Instant removedAt) implements OrderEvent {
}
