package dev.ordo.marketplace.ordering;

import static dev.ordo.marketplace.ordering.OrderRule.CUSTOMER_REQUIRED;
import static dev.ordo.marketplace.ordering.OrderRule.DUPLICATE_PRODUCT_LINE;
import static dev.ordo.marketplace.ordering.OrderRule.ONE_CURRENCY_PER_ORDER;
import static dev.ordo.marketplace.ordering.OrderRule.ORDER_ALREADY_EXISTS;
import static dev.ordo.marketplace.ordering.OrderRule.ORDER_ID_REQUIRED;
import static dev.ordo.marketplace.ordering.OrderRule.ORDER_MUST_HAVE_ITEMS;

import dev.ordo.marketplace.shared.Money;
import dev.ordo.marketplace.shared.ProductId;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Decides {@link PlaceOrder}: checks the request and computes the total. */
final class Placement {

    private Placement() {
    }

    static OrderPlaced place(PlaceOrder place, Order state) {
        if (state instanceof Order.Placed existing) {
            throw new OrderRuleViolation(ORDER_ALREADY_EXISTS, existing.status(), "order "
                    + existing.details().orderId() + " was already placed at " + existing.details().placedAt());
        }
        if (place.orderId() == null) {
            throw new OrderRuleViolation(ORDER_ID_REQUIRED, null, "an order id is required to place an order");
        }
        if (place.customerId() == null) {
            throw new OrderRuleViolation(CUSTOMER_REQUIRED, null, "a customer is required to place an order");
        }
        Checks.requireTimestamp(place.placedAt(), "placedAt", null);
        Money total = checkLines(place.lines());
        Checks.requireAddress(place.shippingAddress(), null);
        return new OrderPlaced(place.orderId(), place.customerId(), place.lines(), place.shippingAddress(), total,
                place.placedAt());
    }

    /** Checks every line and returns the order total. */
    static Money checkLines(List<OrderLine> lines) {
        if (lines == null || lines.isEmpty()) {
            throw new OrderRuleViolation(ORDER_MUST_HAVE_ITEMS, null, "an order needs at least one line");
        }
        Currency currency = null;
        Money total = null;
        Set<ProductId> products = new HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            OrderLine line = lines.get(i);
            String what = "line " + (i + 1);
            Checks.requireItem(what, line.productId(), line.productName(), line.quantity(), line.unitPrice(), null);
            if (currency == null) {
                currency = line.unitPrice().currency();
                total = Money.zero(currency);
            } else if (!line.unitPrice().hasCurrency(currency)) {
                throw new OrderRuleViolation(ONE_CURRENCY_PER_ORDER, null, what + " (" + line.productName()
                        + ") is priced in " + line.unitPrice().currency() + " but the order is in " + currency);
            }
            if (!products.add(line.productId())) {
                throw new OrderRuleViolation(DUPLICATE_PRODUCT_LINE, null, what + " repeats product "
                        + line.productId() + " (" + line.productName() + "); put all its units on one line");
            }
            total = total.add(line.subtotal());
        }
        return total;
    }
}
