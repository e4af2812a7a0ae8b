package dev.ordo.marketplace.ordering;

import dev.ordo.core.event.EventType;
import dev.ordo.marketplace.shared.Address;
import dev.ordo.marketplace.shared.OrderId;
import java.time.Instant;

/**
 * The shipping address of an order changed before shipment.
 *
 * @param orderId         the order
 * @param shippingAddress the new address
 * @param changedAt       when it changed
 */
@EventType("order.shipping-address-changed")
public record ShippingAddressChanged(OrderId orderId, Address shippingAddress, Instant changedAt)
        implements OrderEvent {
}
