package dev.ordo.marketplace.ordering;

import dev.ordo.core.event.EventType;
import dev.ordo.marketplace.shared.Money;
import dev.ordo.marketplace.shared.OrderId;
import dev.ordo.marketplace.shared.ProductId;
import java.time.Instant;

/**
 * Units of a product were added to a pending order.
 *
 * @param orderId      the order
 * @param productId    the product
 * @param productName  the product's name on the order line
 * @param quantity     how many units were added
 * @param unitPrice    the line's unit price
 * @param lineQuantity the line's quantity after the addition
 * @param orderTotal   the order total after the addition
 * @param addedAt      when they were added
 */
@EventType("order.item-added")
public record ItemAdded(OrderId orderId, ProductId productId, String productName, int quantity, Money unitPrice,
                        int lineQuantity, Money orderTotal, Instant addedAt) implements OrderEvent {
}
