package dev.ordo.marketplace.ordering.web;

import dev.ordo.marketplace.ordering.Order;
import dev.ordo.marketplace.ordering.OrderDetails;
import dev.ordo.marketplace.ordering.OrderLine;
import dev.ordo.marketplace.ordering.Payment;
import dev.ordo.marketplace.ordering.ShipmentDetails;
import dev.ordo.marketplace.ordering.readmodel.OrderView;
import dev.ordo.marketplace.shared.Money;
import java.util.List;

/** Renders an order folded from its events (a command's result, or a past version) as the API's view. */
final class OrderViews {

    private OrderViews() {
    }

    static OrderView of(Order.Placed order, long version) {
        OrderDetails d = order.details();
        Payment payment = switch (order) {
            case Order.Paid paid -> paid.payment();
            case Order.Shipped shipped -> shipped.payment();
            case Order.Delivered delivered -> delivered.payment();
            case Order.Pending pending -> null;
            case Order.Cancelled cancelled -> null;
        };
        ShipmentDetails shipment = switch (order) {
            case Order.Shipped shipped -> shipped.shipment();
            case Order.Delivered delivered -> delivered.shipment();
            case Order.Pending pending -> null;
            case Order.Paid paid -> null;
            case Order.Cancelled cancelled -> null;
        };
        OrderView.Cancellation cancellation = order instanceof Order.Cancelled c
                ? new OrderView.Cancellation(c.reason(), c.cancelledFrom().name(), c.cancelledAt()) : null;
        return new OrderView(d.orderId().toString(), d.customerId().toString(), order.status().name(), lines(d.lines()),
                amount(d.total()), new OrderView.Address(d.shippingAddress().street(), d.shippingAddress().city(),
                        d.shippingAddress().postalCode(), d.shippingAddress().country()),
                d.placedAt(),
                payment == null ? null : new OrderView.Payment(amount(payment.amount()), payment.method().name(),
                        payment.reference(), payment.paidAt()),
                shipment == null ? null : new OrderView.Shipment(shipment.trackingNumber(), shipment.carrier(),
                        shipment.shippedAt()),
                order instanceof Order.Delivered delivered ? delivered.deliveredAt() : null,
                cancellation, version);
    }

    private static List<OrderView.Line> lines(List<OrderLine> lines) {
        return lines.stream().map(l -> new OrderView.Line(l.productId().toString(), l.productName(), l.quantity(),
                amount(l.unitPrice()), amount(l.subtotal()))).toList();
    }

    static OrderView.Amount amount(Money money) {
        return new OrderView.Amount(money.amount(), money.currency().getCurrencyCode());
    }
}
