package dev.ordo.marketplace.ordering.web;

import dev.ordo.coordination.service.CoordinationException;
import dev.ordo.coordination.service.ServiceCoordinator;
import dev.ordo.coordination.service.ServiceGraph;
import dev.ordo.coordination.service.StepKey;
import dev.ordo.core.bus.query.QueryBus;
import dev.ordo.marketplace.inventory.readmodel.InventoryQueries.FindStock;
import dev.ordo.marketplace.inventory.readmodel.StockView;
import dev.ordo.marketplace.ordering.OrderDecider;
import dev.ordo.marketplace.ordering.OrderLine;
import dev.ordo.marketplace.ordering.readmodel.OrderView.Amount;
import dev.ordo.marketplace.shared.RuleViolation;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Quotes an order before it is placed: the catalog's names and prices and the inventory's available units are asked
 * at once, in parallel (an ordo-coordination graph, measured as the operation {@value #OPERATION}), then the lines
 * are checked by the rules placing them would apply. A product not in the catalog or not on sale, or lines that
 * break a placement rule, are refused with that rule like a placement; a product without stock is quoted, as not in
 * stock. Thread-safe.
 */
@Component
class OrderQuotes {

    static final String OPERATION = "order-quote";

    private static final StepKey<List<OrderLine>> PRICES = StepKey.of("prices");
    private static final StepKey<Map<String, StockView>> STOCK = StepKey.of("stock");

    private final ServiceCoordinator coordinator;
    private final ServiceGraph<List<OrderRequests.Item>, OrderQuote> graph;

    OrderQuotes(ServiceCoordinator coordinator, ProductLookup products, QueryBus queries) {
        this.coordinator = coordinator;
        this.graph = ServiceGraph.<List<OrderRequests.Item>, OrderQuote>builder(OPERATION)
                .step(PRICES, (items, r) -> products.lines(items))
                .step(STOCK, (items, r) -> queries.<Map<String, StockView>>ask(new FindStock(productIds(items))))
                .aggregate((items, r) -> quote(r.get(PRICES), r.get(STOCK)))
                .build();
    }

    /**
     * The quote of these items.
     *
     * @throws RuleViolation when a product cannot be ordered or the lines break a placement rule
     */
    OrderQuote quote(List<OrderRequests.Item> items) {
        try {
            return coordinator.run(graph, items);
        } catch (CoordinationException e) {
            if (e.getCause() instanceof RuleViolation refused) {
                throw refused;
            }
            throw e;
        }
    }

    private static OrderQuote quote(List<OrderLine> lines, Map<String, StockView> stock) {
        Amount total = OrderViews.amount(OrderDecider.totalOf(lines));
        List<OrderQuote.Line> quoted = lines.stream().map(line -> {
            StockView level = stock.get(line.productId().toString());
            int available = level == null ? 0 : level.available();
            return new OrderQuote.Line(line.productId().toString(), line.productName(), line.quantity(),
                    OrderViews.amount(line.unitPrice()), OrderViews.amount(line.subtotal()), available,
                    available >= line.quantity());
        }).toList();
        return new OrderQuote(quoted, total, quoted.stream().allMatch(OrderQuote.Line::inStock));
    }

    private static Set<String> productIds(List<OrderRequests.Item> items) {
        Set<String> ids = new LinkedHashSet<>();
        items.forEach(item -> ids.add(item.productId().toString()));
        return ids;
    }
}
