package dev.ordo.marketplace.catalog.web;

import dev.ordo.core.bus.command.CommandBus;
import dev.ordo.core.command.CommandResult;
import dev.ordo.core.event.EventIds;
import dev.ordo.marketplace.catalog.CatalogRule;
import dev.ordo.marketplace.catalog.CatalogRuleViolation;
import dev.ordo.marketplace.catalog.ChangeAvailability;
import dev.ordo.marketplace.catalog.ChangePrice;
import dev.ordo.marketplace.catalog.Product;
import dev.ordo.marketplace.catalog.ProductCommand;
import dev.ordo.marketplace.catalog.ProductEvent;
import dev.ordo.marketplace.catalog.RegisterProduct;
import dev.ordo.marketplace.catalog.app.CatalogService;
import dev.ordo.marketplace.catalog.readmodel.ProductQueries;
import dev.ordo.marketplace.catalog.readmodel.ProductView;
import dev.ordo.marketplace.platform.security.Caller;
import dev.ordo.marketplace.platform.security.NotAllowedException;
import dev.ordo.marketplace.platform.web.IfMatch;
import dev.ordo.marketplace.platform.web.RequestMetadata;
import dev.ordo.marketplace.shared.Money;
import dev.ordo.marketplace.shared.ProducerId;
import dev.ordo.marketplace.shared.ProductId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The catalog over HTTP: reads come from the products read model, changes go through the command bus. */
@RestController
@RequestMapping("/catalog")
@Tag(name = "catalog", description = "Producers and their products")
class CatalogController {

    private final CommandBus commands;
    private final ProductQueries products;
    private final CatalogService catalog;
    private final Clock clock;

    CatalogController(CommandBus commands, ProductQueries products, CatalogService catalog, Clock clock) {
        this.commands = commands;
        this.products = products;
        this.catalog = catalog;
        this.clock = clock;
    }

    /** The most digits of a price before the point, and after it (no ISO 4217 currency has more minor units). */
    static final int PRICE_INTEGER_DIGITS = 9;
    static final int PRICE_FRACTION_DIGITS = 4;

    /**
     * Registers a product. Prices are bounded here, before anything expands them ({@code 1e999999999} is a short text
     * but a billion digits in plain form): {@value #PRICE_INTEGER_DIGITS} digits before the point, at most
     * {@value #PRICE_FRACTION_DIGITS} after it.
     */
    record RegisterProductRequest(@NotNull UUID producerId, @NotBlank @Size(max = 100) String producerName,
                                  @NotBlank @Size(max = 200) String name, @Size(max = 2_000) String description,
                                  @NotNull @PositiveOrZero
                                  @Digits(integer = PRICE_INTEGER_DIGITS, fraction = PRICE_FRACTION_DIGITS)
                                  BigDecimal price,
                                  @NotBlank @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code like EUR")
                                  String currency,
                                  boolean available) {
    }

    /** Changes a price, bounded as on registration. */
    record PriceRequest(@NotNull @PositiveOrZero
                        @Digits(integer = PRICE_INTEGER_DIGITS, fraction = PRICE_FRACTION_DIGITS) BigDecimal price,
                        @NotBlank @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code like EUR")
                        String currency) {
    }

    record AvailabilityRequest(boolean available) {
    }

    /** A product as a command left it. */
    record ProductState(String productId, String name, BigDecimal price, String currency, boolean available,
                        long version) {
    }

    @GetMapping("/products")
    @Operation(summary = "Products by name", description = "Optionally only available ones, or one producer's.")
    List<ProductView> list(@RequestParam(required = false) Boolean available,
                           @RequestParam(required = false) UUID producerId) {
        return products.list(available, producerId == null ? null : producerId.toString());
    }

    @GetMapping("/products/{productId}")
    ResponseEntity<ProductView> get(@PathVariable UUID productId) {
        ProductView view = products.get(productId.toString()).orElseThrow(() -> new CatalogRuleViolation(
                CatalogRule.PRODUCT_NOT_FOUND, new Product.Unregistered(), "product " + productId + " does not exist"));
        return ResponseEntity.ok().eTag(IfMatch.etag(view.version())).body(view);
    }

    @GetMapping("/producers")
    List<ProductQueries.ProducerView> producers() {
        return products.producers();
    }

    @PostMapping("/products")
    @Operation(summary = "Register a product")
    ResponseEntity<ProductState> register(@Valid @RequestBody RegisterProductRequest body, HttpServletRequest request) {
        if (!Caller.current().mayManage(body.producerId())) {
            throw new NotAllowedException("a producer registers products only under their own producer id");
        }
        ProductId id = ProductId.of(EventIds.next());
        ProductState state = dispatch(request, id, new RegisterProduct(id, ProducerId.of(body.producerId()),
                body.producerName(), body.name(), body.description(),
                Money.of(body.price().toPlainString(), body.currency()), body.available(), clock.instant()), null);
        return ResponseEntity.status(HttpStatus.CREATED).location(URI.create("/catalog/products/" + id))
                .eTag(IfMatch.etag(state.version())).body(state);
    }

    @PutMapping("/products/{productId}/price")
    @Operation(summary = "Change a product's price")
    ResponseEntity<ProductState> price(@PathVariable UUID productId, @Valid @RequestBody PriceRequest body,
                                       @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                       HttpServletRequest request) {
        ProductState state = dispatch(request, ProductId.of(productId),
                new ChangePrice(Money.of(body.price().toPlainString(), body.currency()), clock.instant()), ifMatch);
        return ResponseEntity.ok().eTag(IfMatch.etag(state.version())).body(state);
    }

    @PutMapping("/products/{productId}/availability")
    @Operation(summary = "Put a product on sale or take it off")
    ResponseEntity<ProductState> availability(@PathVariable UUID productId, @RequestBody AvailabilityRequest body,
                                              @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                              HttpServletRequest request) {
        ProductState state = dispatch(request, ProductId.of(productId),
                new ChangeAvailability(body.available(), clock.instant()), ifMatch);
        return ResponseEntity.ok().eTag(IfMatch.etag(state.version())).body(state);
    }

    private ProductState dispatch(HttpServletRequest request, ProductId id, ProductCommand command, String ifMatch) {
        if (catalog.streams().load(id).state() instanceof Product.Registered registered
                && !Caller.current().mayManage(registered.producerId())) {
            throw new NotAllowedException("a producer changes only their own products: " + id + " is "
                    + registered.producerName() + "'s");
        }
        CommandResult<Product, ProductEvent> result = commands.dispatch(
                CatalogService.PRODUCTS.command(id, command, IfMatch.version(ifMatch)),
                RequestMetadata.of(request, "idempotency-key"));
        Product.Registered product = (Product.Registered) result.state();
        return new ProductState(product.productId().toString(), product.name(), product.price().amount(),
                product.price().currency().getCurrencyCode(), product.available(), result.version());
    }
}
