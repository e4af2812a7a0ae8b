package dev.ordo.marketplace.ordering.web;

import dev.ordo.core.bus.query.QueryBus;
import dev.ordo.marketplace.ordering.OrderLine;
import dev.ordo.marketplace.ordering.app.OrderRequestRejected;
import dev.ordo.marketplace.catalog.readmodel.ProductQueries.FindProducts;
import dev.ordo.marketplace.catalog.readmodel.ProductView;
import dev.ordo.marketplace.shared.Money;
import dev.ordo.marketplace.shared.ProductId;
import java.util.Currency;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Turns requested product ids and quantities into order lines with the catalog's names and current prices, asked
 * through the query bus. Unknown products and products not on sale are refused as rule violations.
 */
@Component
class ProductLookup {

    private final QueryBus queries;

    ProductLookup(QueryBus queries) {
        this.queries = queries;
    }

    List<OrderLine> lines(List<OrderRequests.Item> items) {
        Set<String> ids = new LinkedHashSet<>();
        items.forEach(item -> ids.add(item.productId().toString()));
        Map<String, ProductView> found = queries.ask(new FindProducts(ids));
        return items.stream().map(item -> line(found, item.productId(), item.quantity())).toList();
    }

    OrderLine line(UUID productId, int quantity) {
        return line(queries.ask(new FindProducts(Set.of(productId.toString()))), productId, quantity);
    }

    private static OrderLine line(Map<String, ProductView> found, UUID productId, int quantity) {
        ProductView product = found.get(productId.toString());
        if (product == null) {
            throw new OrderRequestRejected("product-not-in-catalog", "product " + productId + " is not in the catalog");
        }
        if (!product.available()) {
            throw new OrderRequestRejected("product-unavailable", "product " + productId + " ('" + product.name()
                    + "') is not available for sale");
        }
        return new OrderLine(ProductId.of(productId), product.name(), quantity,
                Money.of(product.price(), Currency.getInstance(product.currency())));
    }
}
