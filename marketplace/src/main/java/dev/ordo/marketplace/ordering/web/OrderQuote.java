package dev.ordo.marketplace.ordering.web;

import dev.ordo.marketplace.ordering.readmodel.OrderView.Amount;
import java.util.List;

/**
 * What an order of some items would cost now and whether the stock covers it. A quote is not a promise: prices and
 * stock may change before the order is placed, and stock is reserved only when the order is fulfilled.
 *
 * @param inStock true when every line is
 */
record OrderQuote(List<Line> lines, Amount total, boolean inStock) {

    /**
     * @param available units the inventory can still reserve, as its read model shows them (0 when no stock was ever
     *                  recorded for the product)
     * @param inStock   {@code available >= quantity}
     */
    record Line(String productId, String productName, int quantity, Amount unitPrice, Amount subtotal, int available,
                boolean inStock) {
    }
}
