package dev.ordo.marketplace.ordering;

import dev.ordo.marketplace.shared.OrderId;

/**
 * Something that happened to an order; the order's stream is the sequence of these.
 *
 * <p>Each event is stored under the stable name of its {@link dev.ordo.core.event.EventType} annotation
 * ({@code order.placed}, {@code order.item-added}, ...), never its class name, and carries everything a read model
 * needs (for example the new order total after an item change), so projections never load the order.
 */
public sealed interface OrderEvent
        permits OrderPlaced, ItemAdded, ItemRemoved, ShippingAddressChanged, OrderPaid, OrderShipped, OrderDelivered,
                OrderCancelled {

    /** The order the event belongs to. */
    OrderId orderId();
}
