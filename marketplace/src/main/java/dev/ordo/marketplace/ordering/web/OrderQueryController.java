package dev.ordo.marketplace.ordering.web;

import dev.ordo.core.event.RecordedEvent;
import dev.ordo.jackson.OrdoJson;
import dev.ordo.marketplace.ordering.Order;
import dev.ordo.marketplace.ordering.OrderRule;
import dev.ordo.marketplace.ordering.OrderRuleViolation;
import dev.ordo.marketplace.ordering.OrderStatus;
import dev.ordo.marketplace.ordering.app.OrderAccess;
import dev.ordo.marketplace.ordering.app.OrderService;
import dev.ordo.marketplace.platform.security.Caller;
import dev.ordo.marketplace.platform.security.NotAllowedException;
import dev.ordo.marketplace.platform.web.IfMatch;
import dev.ordo.marketplace.ordering.readmodel.OrderFilter;
import dev.ordo.marketplace.ordering.readmodel.OrderPage;
import dev.ordo.marketplace.ordering.readmodel.OrderQueries;
import dev.ordo.marketplace.ordering.readmodel.OrderView;
import dev.ordo.marketplace.ordering.readmodel.TimelineEntry;
import dev.ordo.marketplace.ordering.readmodel.TimelineQueries;
import dev.ordo.marketplace.shared.OrderId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Positive;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * Reading orders: details and lists come from the orders read model; an order as it was at a past version and its
 * full event history come from the order's stream. Parameter constraints are checked by Spring MVC itself (no
 * class-level {@code @Validated}, whose proxy would turn a violation into a 500), so a violation is a 400 problem.
 */
@RestController
@RequestMapping("/orders")
@Tag(name = "orders")
class OrderQueryController {

    private static final LocalDate FIRST_ORDER_DAY = LocalDate.of(1, 1, 1);
    private static final LocalDate LAST_ORDER_DAY = LocalDate.of(9999, 12, 31);

    private final OrderQueries queries;
    private final OrderService orders;
    private final OrderAccess access;
    private final TimelineQueries timelines;

    OrderQueryController(OrderQueries queries, OrderService orders, OrderAccess access, TimelineQueries timelines) {
        this.queries = queries;
        this.orders = orders;
        this.access = access;
        this.timelines = timelines;
    }

    /** One event of an order's history as the API shows it. */
    record EventView(long position, long version, String type, int schemaVersion, Instant recordedAt, JsonNode data,
                     Map<String, Object> metadata) {
    }

    @GetMapping("/{orderId}")
    @Operation(summary = "An order", description = "With ?version=N, the order as it was right after its N-th event.")
    ResponseEntity<OrderView> get(@PathVariable UUID orderId,
                                  @RequestParam(required = false) @Positive Long version) {
        OrderId id = OrderId.of(orderId);
        access.requireVisible(id);
        OrderView view;
        if (version == null) {
            view = queries.details(id.toString()).orElseThrow(() -> notFound(id, ""));
        } else {
            view = orders.streams().loadAt(id, version)
                    .filter(loaded -> loaded.state() instanceof Order.Placed)
                    .map(loaded -> OrderViews.of((Order.Placed) loaded.state(), loaded.version()))
                    .orElseThrow(() -> notFound(id, " at version " + version));
        }
        return ResponseEntity.ok().eTag(IfMatch.etag(view.version())).body(view);
    }

    @GetMapping
    @Operation(summary = "Orders, newest first", description = "Filtered by customer, status and placement date "
            + "(from and to are inclusive UTC days), paginated.")
    OrderPage list(@RequestParam(required = false) UUID customerId, @RequestParam(required = false) OrderStatus status,
                   @RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to,
                   @RequestParam(defaultValue = "0") @Min(0) int page,
                   @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        Caller caller = Caller.current();
        if (!caller.isOperator()) {
            if (caller.customerId() == null || customerId != null && !caller.mayActFor(customerId)) {
                throw new NotAllowedException("a customer lists only their own orders");
            }
            customerId = UUID.fromString(caller.customerId());
        }
        if (from != null && to != null && to.isBefore(from)) {
            throw new IllegalArgumentException("'to' (" + to + ") is before 'from' (" + from + ")");
        }
        return queries.list(new OrderFilter(customerId == null ? null : customerId.toString(),
                status == null ? null : status.name(),
                from == null ? null : withinOrderDays(from).atStartOfDay().toInstant(ZoneOffset.UTC),
                to == null ? null : withinOrderDays(to).plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC)),
                page, size);
    }

    /**
     * The day, or the nearest one from year 1 to 9999: no order is placed outside those, and the days far beyond them
     * that a date parameter may name have no instant in milliseconds (the read model's).
     */
    private static LocalDate withinOrderDays(LocalDate day) {
        return day.isBefore(FIRST_ORDER_DAY) ? FIRST_ORDER_DAY : day.isAfter(LAST_ORDER_DAY) ? LAST_ORDER_DAY : day;
    }

    @GetMapping("/{orderId}/events")
    @Operation(summary = "The order's full history", description = "Every event with its position, version, type, "
            + "data and metadata (correlation, causation, actor, trace).")
    List<EventView> history(@PathVariable UUID orderId) {
        OrderId id = OrderId.of(orderId);
        access.requireVisible(id);
        List<RecordedEvent> events = orders.history(id);
        if (events.isEmpty()) {
            throw notFound(id, "");
        }
        return events.stream().map(this::view).toList();
    }

    @GetMapping("/{orderId}/timeline")
    @Operation(summary = "What happened to the order", description = "Its causal chain across the contexts, oldest "
            + "first: the order's events, its saga's transitions, and the stock, payment, shipment and notification "
            + "events they caused, each with its actor, correlation and causation. From a read model: the newest "
            + "entries may take a moment.")
    List<TimelineEntry> timeline(@PathVariable UUID orderId) {
        OrderId id = OrderId.of(orderId);
        access.requireVisible(id);
        return timelines.of(id.toString());
    }

    private EventView view(RecordedEvent e) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("correlationId", e.metadata().correlationId());
        metadata.put("causationId", e.metadata().causationId());
        metadata.put("actor", e.metadata().actor());
        metadata.put("traceParent", e.metadata().traceParent());
        metadata.putAll(e.metadata().extra());
        return new EventView(e.position(), e.streamVersion(), e.eventType(), e.schemaVersion(), e.recordedAt(),
                OrdoJson.mapper().readTree(e.payload()), metadata);
    }

    private static OrderRuleViolation notFound(OrderId id, String suffix) {
        return new OrderRuleViolation(OrderRule.ORDER_NOT_FOUND, null, "order " + id + " does not exist" + suffix);
    }
}
