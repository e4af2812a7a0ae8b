package dev.ordo.marketplace.inventory.web;

import dev.ordo.marketplace.inventory.InventoryRule;
import dev.ordo.marketplace.inventory.InventoryRuleViolation;
import dev.ordo.marketplace.inventory.Stock;
import dev.ordo.marketplace.inventory.readmodel.InventoryQueries;
import dev.ordo.marketplace.inventory.readmodel.StockView;
import dev.ordo.marketplace.platform.web.IfMatch;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Stock levels over HTTP, from the inventory read model (eventually consistent). */
@RestController
@RequestMapping("/inventory")
@Tag(name = "inventory", description = "Units available and reserved per product")
class InventoryController {

    private final InventoryQueries queries;

    InventoryController(InventoryQueries queries) {
        this.queries = queries;
    }

    @GetMapping
    @Operation(summary = "The stock of every product", description = "The fewest available first.")
    List<StockView> list() {
        return queries.list();
    }

    @GetMapping("/{productId}")
    @Operation(summary = "The stock of one product", description = "404 when no stock was ever recorded for it.")
    ResponseEntity<StockView> get(@PathVariable UUID productId) {
        StockView view = queries.get(productId.toString()).orElseThrow(() -> new InventoryRuleViolation(
                InventoryRule.STOCK_NOT_FOUND, new Stock.NoStock(), "no stock is recorded for product " + productId));
        return ResponseEntity.ok().eTag(IfMatch.etag(view.version())).body(view);
    }
}
