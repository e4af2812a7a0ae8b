package dev.ordo.marketplace.ordering;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ordo.marketplace.shared.Address;
import dev.ordo.marketplace.shared.CustomerId;
import dev.ordo.marketplace.shared.Money;
import dev.ordo.marketplace.shared.OrderId;
import dev.ordo.marketplace.shared.ProductId;
import dev.ordo.test.fixture.DeciderFixture;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Orders, events and assertions shared by the ordering tests. */
final class OrderSamples {

    static final DeciderFixture<OrderCommand, Order, OrderEvent> ORDERS = DeciderFixture.of(new OrderDecider());

    static final OrderId ORDER = OrderId.of(UUID.fromString("0b5e8f3a-1c2d-4e5f-8a9b-000000000001"));
    static final CustomerId CUSTOMER = CustomerId.of(UUID.fromString("c0ffee00-1c2d-4e5f-8a9b-000000000002"));
    static final ProductId CHEESE = ProductId.of(UUID.fromString("00000000-0000-4000-8000-00000000c4ee"));
    static final ProductId BREAD = ProductId.of(UUID.fromString("00000000-0000-4000-8000-00000000b4ed"));
    static final ProductId HONEY = ProductId.of(UUID.fromString("00000000-0000-4000-8000-0000000040e1"));

    static final Address HOME = new Address("Main Street 1", "Berlin", "10115", "DE");
    static final Address OFFICE = new Address("Harbour Road 7", "Hamburg", "20457", "DE");

    static final Instant PLACED_AT = Instant.parse("2025-03-01T10:00:00Z");
    static final Instant LATER = Instant.parse("2025-03-01T10:05:00.123456789Z");

    static final OrderLine CHEESE_LINE = new OrderLine(CHEESE, "Mountain Cheese", 2, eur("8.90"));
    static final OrderLine BREAD_LINE = new OrderLine(BREAD, "Sourdough Rye", 1, eur("5.60"));
    static final Money TOTAL = eur("23.40");

    static final OrderPlaced PLACED = new OrderPlaced(ORDER, CUSTOMER, List.of(CHEESE_LINE, BREAD_LINE), HOME, TOTAL,
            PLACED_AT);
    static final OrderPaid PAID = new OrderPaid(ORDER, TOTAL, PaymentMethod.CARD, "psp-4711",
            Instant.parse("2025-03-01T10:10:00Z"));
    static final OrderShipped SHIPPED = new OrderShipped(ORDER, "1Z-999-AA1", "DHL", Instant.parse("2025-03-02T09:00:00Z"));
    static final OrderDelivered DELIVERED = new OrderDelivered(ORDER, Instant.parse("2025-03-03T15:30:00Z"));
    static final OrderCancelled CANCELLED = new OrderCancelled(ORDER, "ordered by mistake", OrderStatus.PENDING,
            Instant.parse("2025-03-01T11:00:00Z"));

    private OrderSamples() {
    }

    static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }

    static PlaceOrder placeOrder(List<OrderLine> lines) {
        return new PlaceOrder(ORDER, CUSTOMER, lines, HOME, PLACED_AT);
    }

    static PlaceOrder placeOrder() {
        return placeOrder(List.of(CHEESE_LINE, BREAD_LINE));
    }

    /** The events that lead an order into the status. */
    static List<OrderEvent> historyOf(OrderStatus status) {
        return switch (status) {
            case PENDING -> List.of(PLACED);
            case PAID -> List.of(PLACED, PAID);
            case SHIPPED -> List.of(PLACED, PAID, SHIPPED);
            case DELIVERED -> List.of(PLACED, PAID, SHIPPED, DELIVERED);
            case CANCELLED -> List.of(PLACED, CANCELLED);
        };
    }

    /** The command outcome on an order in the status. */
    static DeciderFixture<OrderCommand, Order, OrderEvent>.When inStatus(OrderStatus status, OrderCommand command) {
        return ORDERS.given(historyOf(status)).when(command);
    }

    /**
     * Asserts the command was refused for the rule, and that the violation and its message name the rule and the
     * order's status (or that no order exists when the status is null).
     */
    static void assertRejected(DeciderFixture<OrderCommand, Order, OrderEvent>.When outcome, String rule,
                               OrderStatus status) {
        outcome.thenRejects(OrderRuleViolation.class)
                .hasMessageStartingWith("rule " + rule + ": ")
                .hasMessageEndingWith(status == null ? "(no order exists)" : "(order is " + status + ")")
                .isInstanceOfSatisfying(OrderRuleViolation.class, violation -> {
                    assertThat(violation.rule()).isEqualTo(rule);
                    assertThat(violation.status()).isEqualTo(status);
                });
    }
}
