package dev.ordo.marketplace.ordering;

import dev.ordo.marketplace.shared.Address;
import dev.ordo.marketplace.shared.CustomerId;
import dev.ordo.marketplace.shared.Money;
import dev.ordo.marketplace.shared.OrderId;
import dev.ordo.marketplace.shared.ProductId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

/**
 * What every placed order has, whatever its status: who ordered what, where it goes and what it costs.
 *
 * @param orderId         the order
 * @param customerId      who ordered
 * @param lines           at least one line, one per product, in the order they were first added; immutable
 * @param shippingAddress the current shipping address
 * @param total           the sum of the lines' subtotals
 * @param placedAt        when the order was placed
 */
public record OrderDetails(OrderId orderId, CustomerId customerId, List<OrderLine> lines, Address shippingAddress,
                           Money total, Instant placedAt) {

    public OrderDetails {
        lines = List.copyOf(lines);
    }

    /** The line for a product, if the product is on the order. */
    public Optional<OrderLine> line(ProductId productId) {
        return lines.stream().filter(line -> line.productId().equals(productId)).findFirst();
    }

    /** The order's currency: every price on the order is in it. */
    public Currency currency() {
        return total.currency();
    }

    OrderDetails withShippingAddress(Address address) {
        return new OrderDetails(orderId, customerId, lines, address, total, placedAt);
    }

    /**
     * Sets the quantity of a product's line: appends a new line, replaces the quantity of an existing one, or drops
     * the line when the quantity is 0; then takes the given total.
     */
    OrderDetails withLineQuantity(ProductId productId, String productName, Money unitPrice, int quantity,
                                  Money newTotal) {
        List<OrderLine> updated = new ArrayList<>(lines.size() + 1);
        boolean found = false;
        for (OrderLine line : lines) {
            if (line.productId().equals(productId)) {
                found = true;
                if (quantity > 0) {
                    updated.add(line.withQuantity(quantity));
                }
            } else {
                updated.add(line);
            }
        }
        if (!found && quantity > 0) {
            updated.add(new OrderLine(productId, productName, quantity, unitPrice));
        }
        return new OrderDetails(orderId, customerId, updated, shippingAddress, newTotal, placedAt);
    }
}
