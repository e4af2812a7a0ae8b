package dev.ordo.marketplace.ordering;

import static dev.ordo.marketplace.ordering.OrderRule.ADDRESS_REQUIRED;
import static dev.ordo.marketplace.ordering.OrderRule.ORDER_NOT_FOUND;
import static dev.ordo.marketplace.ordering.OrderRule.PRICE_MUST_NOT_BE_NEGATIVE;
import static dev.ordo.marketplace.ordering.OrderRule.PRICE_REQUIRED;
import static dev.ordo.marketplace.ordering.OrderRule.PRODUCT_NAME_REQUIRED;
import static dev.ordo.marketplace.ordering.OrderRule.PRODUCT_REQUIRED;
import static dev.ordo.marketplace.ordering.OrderRule.QUANTITY_LIMIT_EXCEEDED;
import static dev.ordo.marketplace.ordering.OrderRule.QUANTITY_MUST_BE_POSITIVE;
import static dev.ordo.marketplace.ordering.OrderRule.TIMESTAMP_REQUIRED;

import dev.ordo.marketplace.shared.Address;
import dev.ordo.marketplace.shared.Money;
import dev.ordo.marketplace.shared.ProductId;
import java.time.Instant;
import java.util.List;

/** The checks several order commands share; each failed check throws an {@link OrderRuleViolation}. */
final class Checks {

    private Checks() {
    }

    /** The placed order, or {@code order-not-found} when the stream has none. */
    static Order.Placed existing(Order state) {
        return switch (state) {
            case Order.NoOrder none -> throw new OrderRuleViolation(ORDER_NOT_FOUND, null,
                    "no order has been placed in this stream");
            case Order.Placed placed -> placed;
        };
    }

    static void requireTimestamp(Instant at, String field, OrderStatus status) {
        if (at == null) {
            throw new OrderRuleViolation(TIMESTAMP_REQUIRED, status, field + " is required");
        }
    }

    static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    static void requireAddress(Address address, OrderStatus status) {
        if (address == null) {
            throw new OrderRuleViolation(ADDRESS_REQUIRED, status, "a shipping address is required");
        }
        List<String> missing = address.missingFields();
        if (!missing.isEmpty()) {
            throw new OrderRuleViolation(ADDRESS_REQUIRED, status,
                    "the shipping address is incomplete, missing " + String.join(", ", missing));
        }
    }

    /**
     * Checks one requested item on its own: product, name, quantity and price; not its currency nor how it relates
     * to the order's other lines.
     *
     * @param what how to name the item in a message, such as {@code line 2} or {@code the added item}
     */
    static void requireItem(String what, ProductId productId, String productName, int quantity, Money unitPrice,
                            OrderStatus status) {
        if (productId == null) {
            throw new OrderRuleViolation(PRODUCT_REQUIRED, status, what + " names no product");
        }
        if (blank(productName)) {
            throw new OrderRuleViolation(PRODUCT_NAME_REQUIRED, status, what + " (product " + productId
                    + ") has no product name");
        }
        requirePositive(quantity, what + " (" + productName + ")", status);
        if (quantity > OrderLine.MAX_QUANTITY) {
            throw new OrderRuleViolation(QUANTITY_LIMIT_EXCEEDED, status, what + " (" + productName + ") asks for "
                    + quantity + " units; a line holds at most " + OrderLine.MAX_QUANTITY);
        }
        if (unitPrice == null) {
            throw new OrderRuleViolation(PRICE_REQUIRED, status, what + " (" + productName + ") has no unit price");
        }
        if (unitPrice.signum() < 0) {
            throw new OrderRuleViolation(PRICE_MUST_NOT_BE_NEGATIVE, status, what + " (" + productName
                    + ") has the negative unit price " + unitPrice);
        }
    }

    static void requirePositive(int quantity, String what, OrderStatus status) {
        if (quantity <= 0) {
            throw new OrderRuleViolation(QUANTITY_MUST_BE_POSITIVE, status, what + " has quantity " + quantity
                    + "; quantities must be greater than zero");
        }
    }
}
