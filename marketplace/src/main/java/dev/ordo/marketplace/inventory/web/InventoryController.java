package dev.ordo.marketplace.inventory.web;

import dev.ordo.core.bus.command.CommandBus;
import dev.ordo.core.bus.query.QueryBus;
import dev.ordo.core.command.CommandResult;
import dev.ordo.marketplace.catalog.IsProductRegistered;
import dev.ordo.marketplace.inventory.AddStock;
import dev.ordo.marketplace.inventory.InventoryRule;
import dev.ordo.marketplace.inventory.InventoryRuleViolation;
import dev.ordo.marketplace.inventory.Stock;
import dev.ordo.marketplace.inventory.StockDecider;
import dev.ordo.marketplace.inventory.StockEvent;
import dev.ordo.marketplace.inventory.app.InventoryService;
import dev.ordo.marketplace.inventory.readmodel.InventoryQueries;
import dev.ordo.marketplace.inventory.readmodel.StockView;
import dev.ordo.marketplace.platform.idempotency.Idempotency;
import dev.ordo.marketplace.platform.idempotency.KeyedEvents;
import dev.ordo.marketplace.platform.web.IfMatch;
import dev.ordo.marketplace.platform.web.RequestMetadata;
import dev.ordo.marketplace.shared.ProductId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Positive;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Stock levels over HTTP: reads from the inventory read model (eventually consistent), deliveries through the
 * command bus.
 */
@RestController
@RequestMapping("/inventory")
@Tag(name = "inventory", description = "Units available and reserved per product")
class InventoryController {

    private final InventoryQueries queries;
    private final QueryBus catalog;
    private final CommandBus commands;
    private final InventoryService inventory;
    private final Idempotency idempotency;
    private final Clock clock;

    InventoryController(InventoryQueries queries, QueryBus catalog, CommandBus commands,
                        InventoryService inventory, Idempotency idempotency, Clock clock) {
        this.queries = queries;
        this.catalog = catalog;
        this.commands = commands;
        this.inventory = inventory;
        this.idempotency = idempotency;
        this.clock = clock;
    }

    /** Units received from the producer. */
    record DeliveryRequest(@Positive @Max(StockDecider.MAX_UNITS) int quantity) {
    }

    /** A product's stock as the delivery left it. */
    record StockState(String productId, int available, int reserved, long version) {
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

    @PostMapping("/{productId}/deliveries")
    @Operation(summary = "Receive a delivery of a product", description = "Adds the units to those available; the "
            + "first delivery opens the product's stock. 404 when the product was never registered, 422 when the "
            + "product's units would exceed " + StockDecider.MAX_UNITS + ". Send an Idempotency-Key to make a retry "
            + "safe.")
    ResponseEntity<StockState> deliver(@PathVariable UUID productId, @Valid @RequestBody DeliveryRequest body,
                                       @RequestHeader(name = RequestMetadata.IDEMPOTENCY_KEY, required = false)
                                       String key,
                                       HttpServletRequest request) {
        ProductId id = ProductId.of(productId);
        return idempotency.run(key, () -> idempotency.fingerprint(request.getMethod(), request.getRequestURI(), body),
                StockState.class, () -> {
                    if (!catalog.<Boolean>ask(new IsProductRegistered(id))) {
                        throw new InventoryRuleViolation(InventoryRule.PRODUCT_NOT_FOUND, new Stock.NoStock(),
                                "product " + productId + " does not exist in the catalog");
                    }
                    CommandResult<Stock, StockEvent> result = commands.dispatch(
                            InventoryService.STOCK.command(id, new AddStock(id, body.quantity(), clock.instant())),
                            RequestMetadata.of(request, KeyedEvents.METADATA));
                    return response(id, result.state(), result.version());
                }, () -> inventory.versionWrittenWith(id, key)
                        .flatMap(version -> inventory.streams().loadAt(id, version))
                        .map(loaded -> response(id, loaded.state(), loaded.version())));
    }

    private static ResponseEntity<StockState> response(ProductId productId, Stock state, long version) {
        Stock.Stocked stock = (Stock.Stocked) state;
        return ResponseEntity.ok().eTag(IfMatch.etag(version)).body(new StockState(productId.value().toString(),
                stock.available(), stock.reserved(), version));
    }
}
