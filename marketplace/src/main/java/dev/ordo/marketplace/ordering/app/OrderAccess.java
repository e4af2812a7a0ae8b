package dev.ordo.marketplace.ordering.app;

import dev.ordo.marketplace.ordering.Order;
import dev.ordo.marketplace.ordering.OrderRule;
import dev.ordo.marketplace.ordering.OrderRuleViolation;
import dev.ordo.marketplace.platform.security.Caller;
import dev.ordo.marketplace.shared.OrderId;
import org.springframework.stereotype.Component;

/**
 * Whose orders a caller may see and act on: an operator any order, a customer only their own. An order the caller
 * may not see is refused exactly like one that does not exist (404 {@code order-not-found}), so that a customer cannot
 * learn which order ids exist. The owner comes from the order's stream (its state is cached), not from a read model
 * that may lag behind the order's placement.
 */
@Component
public class OrderAccess {

    private final OrderService orders;

    public OrderAccess(OrderService orders) {
        this.orders = orders;
    }

    /**
     * Returns normally when the current caller may see the order.
     *
     * @throws OrderRuleViolation {@code ORDER_NOT_FOUND} when the order does not exist or is not the caller's
     */
    public void requireVisible(OrderId orderId) {
        requireVisible(orderId, Caller.current());
    }

    /** As {@link #requireVisible(OrderId)}, for the given caller. */
    public void requireVisible(OrderId orderId, Caller caller) {
        if (caller.isOperator()) {
            return;
        }
        if (!(orders.streams().load(orderId).state() instanceof Order.Placed placed)
                || !caller.mayActFor(placed.details().customerId())) {
            throw new OrderRuleViolation(OrderRule.ORDER_NOT_FOUND, null, "order " + orderId + " does not exist");
        }
    }
}
