package dev.ordo.marketplace.notifications.readmodel;

import dev.ordo.marketplace.notifications.NotificationKind;
import dev.ordo.marketplace.ordering.ItemAdded;
import dev.ordo.marketplace.ordering.ItemRemoved;
import dev.ordo.marketplace.ordering.OrderCancelled;
import dev.ordo.marketplace.ordering.OrderDelivered;
import dev.ordo.marketplace.ordering.OrderEvent;
import dev.ordo.marketplace.ordering.OrderLine;
import dev.ordo.marketplace.ordering.OrderPaid;
import dev.ordo.marketplace.ordering.OrderPlaced;
import dev.ordo.marketplace.ordering.OrderShipped;
import dev.ordo.marketplace.ordering.ShippingAddressChanged;
import java.util.Optional;

/** Which order events the customer hears about, and in which words. Pure. */
final class OrderNotifications {

    /** A notification's kind and text. */
    record Text(NotificationKind kind, String message) {
    }

    private OrderNotifications() {
    }

    static Optional<Text> of(OrderEvent event) {
        String order = "Order " + event.orderId();
        return switch (event) {
            case OrderPlaced placed -> Optional.of(new Text(NotificationKind.ORDER_PLACED, "Thank you! " + order
                    + " was placed: " + placed.lines().stream().mapToInt(OrderLine::quantity).sum() + " items, "
                    + placed.total() + "."));
            case OrderPaid paid -> Optional.of(new Text(NotificationKind.ORDER_PAID, "We received your payment of "
                    + paid.amount() + " for order " + event.orderId() + "."));
            case OrderShipped shipped -> Optional.of(new Text(NotificationKind.ORDER_SHIPPED, order
                    + " is on its way with " + shipped.carrier() + ", tracking number " + shipped.trackingNumber()
                    + "."));
            case OrderDelivered delivered -> Optional.of(new Text(NotificationKind.ORDER_DELIVERED, order
                    + " was delivered. Enjoy!"));
            case OrderCancelled cancelled -> Optional.of(new Text(NotificationKind.ORDER_CANCELLED, order
                    + " was cancelled: " + cancelled.reason()));
            case ItemAdded added -> Optional.empty();
            case ItemRemoved removed -> Optional.empty();
            case ShippingAddressChanged changed -> Optional.empty();
        };
    }
}
