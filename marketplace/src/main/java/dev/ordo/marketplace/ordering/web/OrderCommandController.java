package dev.ordo.marketplace.ordering.web;

import dev.ordo.core.bus.command.CommandBus;
import dev.ordo.core.command.CommandResult;
import dev.ordo.core.event.EventIds;
import dev.ordo.marketplace.ordering.AddItem;
import dev.ordo.marketplace.ordering.CancelOrder;
import dev.ordo.marketplace.ordering.ChangeShippingAddress;
import dev.ordo.marketplace.ordering.DeliverOrder;
import dev.ordo.marketplace.ordering.Order;
import dev.ordo.marketplace.ordering.OrderCommand;
import dev.ordo.marketplace.ordering.OrderEvent;
import dev.ordo.marketplace.ordering.OrderLine;
import dev.ordo.marketplace.ordering.PayOrder;
import dev.ordo.marketplace.ordering.PlaceOrder;
import dev.ordo.marketplace.ordering.RemoveItem;
import dev.ordo.marketplace.ordering.ShipOrder;
import dev.ordo.marketplace.ordering.app.OrderAccess;
import dev.ordo.marketplace.ordering.app.OrderService;
import dev.ordo.marketplace.platform.idempotency.Idempotency;
import dev.ordo.marketplace.platform.security.Caller;
import dev.ordo.marketplace.platform.security.NotAllowedException;
import dev.ordo.marketplace.platform.web.IfMatch;
import dev.ordo.marketplace.platform.web.RequestMetadata;
import dev.ordo.marketplace.ordering.readmodel.OrderView;
import dev.ordo.marketplace.shared.Address;
import dev.ordo.marketplace.shared.CustomerId;
import dev.ordo.marketplace.shared.Money;
import dev.ordo.marketplace.shared.OrderId;
import dev.ordo.marketplace.shared.ProductId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Positive;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Order commands over HTTP. Every endpoint answers with the order as the command left it and its version as the
 * {@code ETag}; accepts {@code If-Match} (refused with 409 and the current version when stale) and
 * {@code Idempotency-Key} (a retry returns the first response and writes nothing). Parameter constraints are
 * checked by Spring MVC itself (no class-level {@code @Validated}, whose proxy would turn a violation into a 500), so
 * a violation is a 400 problem.
 */
@RestController
@RequestMapping("/orders")
@Tag(name = "orders", description = "Place orders and take them through their lifecycle")
class OrderCommandController {

    private final CommandBus commands;
    private final OrderService orders;
    private final ProductLookup products;
    private final Idempotency idempotency;
    private final OrderAccess access;
    private final Clock clock;

    OrderCommandController(CommandBus commands, OrderService orders, ProductLookup products, Idempotency idempotency,
                           OrderAccess access, Clock clock) {
        this.commands = commands;
        this.orders = orders;
        this.products = products;
        this.idempotency = idempotency;
        this.access = access;
        this.clock = clock;
    }

    @PostMapping
    @Operation(summary = "Place an order", description = "Names and prices come from the catalog; the total is computed.")
    ResponseEntity<OrderView> place(@Valid @RequestBody OrderRequests.PlaceOrderRequest body,
                                    @RequestHeader(name = RequestMetadata.IDEMPOTENCY_KEY, required = false) String key,
                                    HttpServletRequest request) {
        if (!Caller.current().mayActFor(body.customerId())) {
            throw new NotAllowedException("a customer places orders only for themselves: the token is not customer "
                    + body.customerId() + "'s");
        }
        OrderId orderId = OrderId.of(key == null || key.isBlank() ? EventIds.next()
                : UUID.nameUUIDFromBytes(("order:" + key).getBytes(StandardCharsets.UTF_8)));
        return idempotently(request, key, body, orderId, HttpStatus.CREATED, () -> {
            List<OrderLine> lines = products.lines(body.items());
            OrderRequests.Address a = body.shippingAddress();
            return new PlaceOrder(orderId, CustomerId.of(body.customerId()), lines,
                    new Address(a.street(), a.city(), a.postalCode(), a.country()), clock.instant());
        }, null);
    }

    @PostMapping("/{orderId}/items")
    @Operation(summary = "Add an item", description = "At the catalog's current price; only while the order is pending.")
    ResponseEntity<OrderView> addItem(@PathVariable UUID orderId, @Valid @RequestBody OrderRequests.Item body,
                                      @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                      @RequestHeader(name = RequestMetadata.IDEMPOTENCY_KEY, required = false) String key,
                                      HttpServletRequest request) {
        return idempotently(request, key, body, OrderId.of(orderId), HttpStatus.OK, () -> {
            OrderLine line = products.line(body.productId(), body.quantity());
            return new AddItem(line.productId(), line.productName(), line.quantity(), line.unitPrice(), clock.instant());
        }, ifMatch);
    }

    @DeleteMapping("/{orderId}/items/{productId}")
    @Operation(summary = "Remove a quantity of an item", description = "Not more than the order holds.")
    ResponseEntity<OrderView> removeItem(@PathVariable UUID orderId, @PathVariable UUID productId,
                                         @RequestParam(defaultValue = "1") @Positive @Max(10_000) int quantity,
                                         @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                         @RequestHeader(name = RequestMetadata.IDEMPOTENCY_KEY, required = false)
                                         String key,
                                         HttpServletRequest request) {
        return idempotently(request, key, productId + "x" + quantity, OrderId.of(orderId), HttpStatus.OK,
                () -> new RemoveItem(ProductId.of(productId), quantity, clock.instant()), ifMatch);
    }

    @PutMapping("/{orderId}/shipping-address")
    @Operation(summary = "Change the shipping address", description = "Not after the order was shipped.")
    ResponseEntity<OrderView> changeAddress(@PathVariable UUID orderId,
                                            @Valid @RequestBody OrderRequests.Address body,
                                            @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                            @RequestHeader(name = RequestMetadata.IDEMPOTENCY_KEY, required = false)
                                            String key,
                                            HttpServletRequest request) {
        return idempotently(request, key, body, OrderId.of(orderId), HttpStatus.OK, () -> new ChangeShippingAddress(
                new Address(body.street(), body.city(), body.postalCode(), body.country()), clock.instant()), ifMatch);
    }

    @PostMapping("/{orderId}/payment")
    @Operation(summary = "Pay the order", description = "Only when pending; the amount must equal the total.")
    ResponseEntity<OrderView> pay(@PathVariable UUID orderId, @Valid @RequestBody OrderRequests.PaymentRequest body,
                                  @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                  @RequestHeader(name = RequestMetadata.IDEMPOTENCY_KEY, required = false) String key,
                                  HttpServletRequest request) {
        return idempotently(request, key, body, OrderId.of(orderId), HttpStatus.OK, () -> new PayOrder(
                Money.of(body.amount().toPlainString(), body.currency()), body.method(), body.reference(),
                clock.instant()), ifMatch);
    }

    @PostMapping("/{orderId}/shipment")
    @Operation(summary = "Ship the order", description = "Only when paid; tracking number and carrier are required.")
    ResponseEntity<OrderView> ship(@PathVariable UUID orderId, @Valid @RequestBody OrderRequests.ShipmentRequest body,
                                   @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                   @RequestHeader(name = RequestMetadata.IDEMPOTENCY_KEY, required = false) String key,
                                   HttpServletRequest request) {
        return idempotently(request, key, body, OrderId.of(orderId), HttpStatus.OK,
                () -> new ShipOrder(body.trackingNumber(), body.carrier(), clock.instant()), ifMatch);
    }

    @PostMapping("/{orderId}/delivery")
    @Operation(summary = "Mark the order delivered", description = "Only when shipped.")
    ResponseEntity<OrderView> deliver(@PathVariable UUID orderId,
                                      @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                      @RequestHeader(name = RequestMetadata.IDEMPOTENCY_KEY, required = false) String key,
                                      HttpServletRequest request) {
        return idempotently(request, key, null, OrderId.of(orderId), HttpStatus.OK,
                () -> new DeliverOrder(clock.instant()), ifMatch);
    }

    @PostMapping("/{orderId}/cancellation")
    @Operation(summary = "Cancel the order", description = "A reason is required; not after delivery.")
    ResponseEntity<OrderView> cancel(@PathVariable UUID orderId,
                                     @Valid @RequestBody OrderRequests.CancellationRequest body,
                                     @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                     @RequestHeader(name = RequestMetadata.IDEMPOTENCY_KEY, required = false) String key,
                                     HttpServletRequest request) {
        return idempotently(request, key, body, OrderId.of(orderId), HttpStatus.OK,
                () -> new CancelOrder(body.reason(), clock.instant()), ifMatch);
    }

    private ResponseEntity<OrderView> idempotently(HttpServletRequest request, String key, Object body,
                                                   OrderId orderId, HttpStatus status, Supplier<OrderCommand> command,
                                                   String ifMatch) {
        if (status != HttpStatus.CREATED) {
            access.requireVisible(orderId);
        }
        Long expected = IfMatch.version(ifMatch);
        Supplier<String> fingerprint = () -> idempotency.fingerprint(request.getMethod(), request.getRequestURI()
                + (expected == null ? "" : "@" + expected), body);
        return idempotency.run(key, fingerprint, OrderView.class,
                () -> respond(status, orderId, dispatch(request, orderId, command.get(), expected)),
                () -> recover(status, orderId, key));
    }

    private CommandResult<Order, OrderEvent> dispatch(HttpServletRequest request, OrderId orderId,
                                                      OrderCommand command, Long expectedVersion) {
        return commands.dispatch(OrderService.ORDERS.command(orderId, command, expectedVersion),
                RequestMetadata.of(request, OrderService.IDEMPOTENCY_KEY));
    }

    private Optional<ResponseEntity<OrderView>> recover(HttpStatus status, OrderId orderId, String key) {
        return orders.versionWrittenWith(orderId, key)
                .flatMap(version -> orders.streams().loadAt(orderId, version))
                .filter(loaded -> loaded.state() instanceof Order.Placed)
                .map(loaded -> response(status, orderId, OrderViews.of((Order.Placed) loaded.state(), loaded.version())));
    }

    private static ResponseEntity<OrderView> respond(HttpStatus status, OrderId orderId,
                                                     CommandResult<Order, OrderEvent> result) {
        return response(status, orderId, OrderViews.of((Order.Placed) result.state(), result.version()));
    }

    private static ResponseEntity<OrderView> response(HttpStatus status, OrderId orderId, OrderView view) {
        ResponseEntity.BodyBuilder builder = ResponseEntity.status(status).eTag(IfMatch.etag(view.version()));
        if (status == HttpStatus.CREATED) {
            builder.location(URI.create("/orders/" + orderId));
        }
        return builder.body(view);
    }
}
