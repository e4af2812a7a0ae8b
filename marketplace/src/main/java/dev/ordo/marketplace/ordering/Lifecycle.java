package dev.ordo.marketplace.ordering;

import static dev.ordo.marketplace.ordering.OrderRule.ADDRESS_CHANGE_ONLY_BEFORE_SHIPMENT;
import static dev.ordo.marketplace.ordering.OrderRule.CANCELLATION_REASON_REQUIRED;
import static dev.ordo.marketplace.ordering.OrderRule.CANCEL_NOT_AFTER_DELIVERY;
import static dev.ordo.marketplace.ordering.OrderRule.CARRIER_REQUIRED;
import static dev.ordo.marketplace.ordering.OrderRule.DELIVERY_REQUIRES_SHIPPED_ORDER;
import static dev.ordo.marketplace.ordering.OrderRule.ORDER_ALREADY_CANCELLED;
import static dev.ordo.marketplace.ordering.OrderRule.PAYMENT_AMOUNT_MUST_MATCH_TOTAL;
import static dev.ordo.marketplace.ordering.OrderRule.PAYMENT_AMOUNT_REQUIRED;
import static dev.ordo.marketplace.ordering.OrderRule.PAYMENT_METHOD_REQUIRED;
import static dev.ordo.marketplace.ordering.OrderRule.PAYMENT_REFERENCE_REQUIRED;
import static dev.ordo.marketplace.ordering.OrderRule.PAYMENT_REQUIRES_PENDING_ORDER;
import static dev.ordo.marketplace.ordering.OrderRule.SHIPMENT_REQUIRES_PAID_ORDER;
import static dev.ordo.marketplace.ordering.OrderRule.TRACKING_NUMBER_REQUIRED;

import java.util.List;

/** Decides the commands that move an order through its lifecycle or change its address. */
final class Lifecycle {

    private Lifecycle() {
    }

    /** No event when the address equals the current one: the command is accepted and changes nothing. */
    static List<OrderEvent> changeAddress(ChangeShippingAddress change, Order.Placed order) {
        boolean changeable = switch (order) {
            case Order.Pending pending -> true;
            case Order.Paid paid -> true;
            case Order.Shipped shipped -> false;
            case Order.Delivered delivered -> false;
            case Order.Cancelled cancelled -> false;
        };
        if (!changeable) {
            throw new OrderRuleViolation(ADDRESS_CHANGE_ONLY_BEFORE_SHIPMENT, order.status(),
                    "the shipping address can only change while the order is PENDING or PAID");
        }
        Checks.requireTimestamp(change.changedAt(), "changedAt", order.status());
        Checks.requireAddress(change.shippingAddress(), order.status());
        if (change.shippingAddress().equals(order.details().shippingAddress())) {
            return List.of();
        }
        return List.of(new ShippingAddressChanged(order.details().orderId(), change.shippingAddress(),
                change.changedAt()));
    }

    static OrderPaid pay(PayOrder pay, Order.Placed order) {
        OrderStatus status = order.status();
        if (!(order instanceof Order.Pending pending)) {
            throw new OrderRuleViolation(PAYMENT_REQUIRES_PENDING_ORDER, status, "only a PENDING order can be paid");
        }
        Checks.requireTimestamp(pay.paidAt(), "paidAt", status);
        if (pay.amount() == null) {
            throw new OrderRuleViolation(PAYMENT_AMOUNT_REQUIRED, status, "a payment needs an amount");
        }
        if (!pay.amount().equals(pending.details().total())) {
            throw new OrderRuleViolation(PAYMENT_AMOUNT_MUST_MATCH_TOTAL, status, "payment of " + pay.amount()
                    + " does not match the order total " + pending.details().total());
        }
        if (pay.method() == null) {
            throw new OrderRuleViolation(PAYMENT_METHOD_REQUIRED, status, "a payment needs a payment method");
        }
        if (Checks.blank(pay.paymentReference())) {
            throw new OrderRuleViolation(PAYMENT_REFERENCE_REQUIRED, status,
                    "a payment needs the payment provider's reference");
        }
        return new OrderPaid(pending.details().orderId(), pay.amount(), pay.method(), pay.paymentReference(),
                pay.paidAt());
    }

    static OrderShipped ship(ShipOrder ship, Order.Placed order) {
        OrderStatus status = order.status();
        if (!(order instanceof Order.Paid)) {
            throw new OrderRuleViolation(SHIPMENT_REQUIRES_PAID_ORDER, status, "only a PAID order can be shipped");
        }
        Checks.requireTimestamp(ship.shippedAt(), "shippedAt", status);
        if (Checks.blank(ship.trackingNumber())) {
            throw new OrderRuleViolation(TRACKING_NUMBER_REQUIRED, status, "a shipment needs a tracking number");
        }
        if (Checks.blank(ship.carrier())) {
            throw new OrderRuleViolation(CARRIER_REQUIRED, status, "a shipment needs a carrier");
        }
        return new OrderShipped(order.details().orderId(), ship.trackingNumber(), ship.carrier(), ship.shippedAt());
    }

    static OrderDelivered deliver(DeliverOrder deliver, Order.Placed order) {
        OrderStatus status = order.status();
        if (!(order instanceof Order.Shipped)) {
            throw new OrderRuleViolation(DELIVERY_REQUIRES_SHIPPED_ORDER, status,
                    "only a SHIPPED order can be delivered");
        }
        Checks.requireTimestamp(deliver.deliveredAt(), "deliveredAt", status);
        return new OrderDelivered(order.details().orderId(), deliver.deliveredAt());
    }

    static OrderCancelled cancel(CancelOrder cancel, Order.Placed order) {
        OrderStatus status = order.status();
        switch (order) {
            case Order.Delivered delivered -> throw new OrderRuleViolation(CANCEL_NOT_AFTER_DELIVERY, status,
                    "a delivered order cannot be cancelled");
            case Order.Cancelled cancelled -> throw new OrderRuleViolation(ORDER_ALREADY_CANCELLED, status,
                    "the order was already cancelled at " + cancelled.cancelledAt() + ": " + cancelled.reason());
            case Order.Pending pending -> { }
            case Order.Paid paid -> { }
            case Order.Shipped shipped -> { }
        }
        Checks.requireTimestamp(cancel.cancelledAt(), "cancelledAt", status);
        if (Checks.blank(cancel.reason())) {
            throw new OrderRuleViolation(CANCELLATION_REASON_REQUIRED, status, "a cancellation needs a reason");
        }
        return new OrderCancelled(order.details().orderId(), cancel.reason(), status, cancel.cancelledAt());
    }
}
