package dev.ordo.marketplace.ordering;

import static dev.ordo.marketplace.ordering.OrderRule.CANNOT_REMOVE_MORE_THAN_ORDERED;
import static dev.ordo.marketplace.ordering.OrderRule.ITEMS_ONLY_CHANGE_WHILE_PENDING;
import static dev.ordo.marketplace.ordering.OrderRule.ONE_CURRENCY_PER_ORDER;
import static dev.ordo.marketplace.ordering.OrderRule.ORDER_MUST_KEEP_AN_ITEM;
import static dev.ordo.marketplace.ordering.OrderRule.PRODUCT_NOT_IN_ORDER;
import static dev.ordo.marketplace.ordering.OrderRule.PRODUCT_REQUIRED;
import static dev.ordo.marketplace.ordering.OrderRule.QUANTITY_LIMIT_EXCEEDED;
import static dev.ordo.marketplace.ordering.OrderRule.UNIT_PRICE_MUST_MATCH_LINE;

import dev.ordo.marketplace.shared.Money;
import java.util.Optional;

/** Decides {@link AddItem} and {@link RemoveItem} on a pending order. */
final class ItemChanges {

    private ItemChanges() {
    }

    static ItemAdded add(AddItem add, Order.Placed order) {
        OrderDetails details = requirePending(order, "added to").details();
        OrderStatus status = order.status();
        Checks.requireTimestamp(add.addedAt(), "addedAt", status);
        Checks.requireItem("the added item", add.productId(), add.productName(), add.quantity(), add.unitPrice(),
                status);
        if (!add.unitPrice().hasCurrency(details.currency())) {
            throw new OrderRuleViolation(ONE_CURRENCY_PER_ORDER, status, "the added item (" + add.productName()
                    + ") is priced in " + add.unitPrice().currency() + " but the order is in " + details.currency());
        }
        Optional<OrderLine> existing = details.line(add.productId());
        String name = existing.map(OrderLine::productName).orElse(add.productName());
        int lineQuantity = add.quantity();
        if (existing.isPresent()) {
            OrderLine line = existing.get();
            if (!line.unitPrice().equals(add.unitPrice())) {
                throw new OrderRuleViolation(UNIT_PRICE_MUST_MATCH_LINE, status, "the order has " + line.productName()
                        + " at " + line.unitPrice() + " per unit, more units cannot be added at " + add.unitPrice());
            }
            lineQuantity = line.quantity() + add.quantity();
            if (lineQuantity > OrderLine.MAX_QUANTITY) {
                throw new OrderRuleViolation(QUANTITY_LIMIT_EXCEEDED, status, "adding " + add.quantity() + " to the "
                        + line.quantity() + " units of " + name + " exceeds the limit of " + OrderLine.MAX_QUANTITY
                        + " per line");
            }
        }
        Money total = details.total().add(add.unitPrice().multiply(add.quantity()));
        return new ItemAdded(details.orderId(), add.productId(), name, add.quantity(), add.unitPrice(), lineQuantity,
                total, add.addedAt());
    }

    static ItemRemoved remove(RemoveItem remove, Order.Placed order) {
        OrderDetails details = requirePending(order, "removed from").details();
        OrderStatus status = order.status();
        Checks.requireTimestamp(remove.removedAt(), "removedAt", status);
        if (remove.productId() == null) {
            throw new OrderRuleViolation(PRODUCT_REQUIRED, status, "the item to remove names no product");
        }
        Checks.requirePositive(remove.quantity(), "the removal of product " + remove.productId(), status);
        OrderLine line = details.line(remove.productId()).orElseThrow(() -> new OrderRuleViolation(
                PRODUCT_NOT_IN_ORDER, status, "product " + remove.productId() + " is not on the order"));
        if (remove.quantity() > line.quantity()) {
            throw new OrderRuleViolation(CANNOT_REMOVE_MORE_THAN_ORDERED, status, "cannot remove " + remove.quantity()
                    + " units of " + line.productName() + ", the order has " + line.quantity());
        }
        int remaining = line.quantity() - remove.quantity();
        if (remaining == 0 && details.lines().size() == 1) {
            throw new OrderRuleViolation(ORDER_MUST_KEEP_AN_ITEM, status, "removing the last " + line.quantity()
                    + " units of " + line.productName() + " would empty the order; cancel the order instead");
        }
        Money total = details.total().subtract(line.unitPrice().multiply(remove.quantity()));
        return new ItemRemoved(details.orderId(), remove.productId(), remove.quantity(), remaining, total,
                remove.removedAt());
    }

    private static Order.Pending requirePending(Order.Placed order, String verb) {
        if (order instanceof Order.Pending pending) {
            return pending;
        }
        throw new OrderRuleViolation(ITEMS_ONLY_CHANGE_WHILE_PENDING, order.status(),
                "items can only be " + verb + " an order while it is PENDING");
    }
}
