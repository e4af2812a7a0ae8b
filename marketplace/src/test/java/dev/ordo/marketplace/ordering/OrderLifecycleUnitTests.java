package dev.ordo.marketplace.ordering;

import static dev.ordo.marketplace.ordering.OrderSamples.BREAD;
import static dev.ordo.marketplace.ordering.OrderSamples.CANCELLED;
import static dev.ordo.marketplace.ordering.OrderSamples.CHEESE;
import static dev.ordo.marketplace.ordering.OrderSamples.DELIVERED;
import static dev.ordo.marketplace.ordering.OrderSamples.LATER;
import static dev.ordo.marketplace.ordering.OrderSamples.OFFICE;
import static dev.ordo.marketplace.ordering.OrderSamples.ORDERS;
import static dev.ordo.marketplace.ordering.OrderSamples.PAID;
import static dev.ordo.marketplace.ordering.OrderSamples.PLACED;
import static dev.ordo.marketplace.ordering.OrderSamples.SHIPPED;
import static dev.ordo.marketplace.ordering.OrderSamples.TOTAL;
import static dev.ordo.marketplace.ordering.OrderSamples.assertRejected;
import static dev.ordo.marketplace.ordering.OrderSamples.eur;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class OrderLifecycleUnitTests {

    private final OrderDecider decider = new OrderDecider();

    static Stream<OrderCommand> everyCommandButPlacing() {
        return Stream.of(new AddItem(CHEESE, "Cheese", 1, eur("1.00"), LATER), new RemoveItem(CHEESE, 1, LATER),
                new ChangeShippingAddress(OFFICE, LATER), new PayOrder(TOTAL, PaymentMethod.CARD, "psp-1", LATER),
                new ShipOrder("1Z-1", "UPS", LATER), new DeliverOrder(LATER), new CancelOrder("no longer needed", LATER));
    }

    @Test
    void startsEveryStreamWithoutAnOrder() {
        assertThat(decider.initialState()).isEqualTo(new Order.NoOrder());
    }

    @ParameterizedTest
    @MethodSource("everyCommandButPlacing")
    void refusesEveryCommandButPlacingWhenNoOrderExists(OrderCommand command) {
        assertRejected(ORDERS.when(command), "order-not-found", null);
    }

    @Test
    void coversEveryCommandInTheOrderNotFoundTest() {
        assertThat(everyCommandButPlacing().map(Object::getClass).toList())
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(OrderCommand.class.getPermittedSubclasses())
                        .filter(type -> type != PlaceOrder.class).toList());
    }

    @Test
    void foldsTheWholeLifecycleIntoADeliveredOrderThatRemembersEverything() {
        Order state = decider.fold(List.of(PLACED, new ShippingAddressChanged(PLACED.orderId(), OFFICE, LATER), PAID,
                SHIPPED, DELIVERED));

        assertThat(state).isEqualTo(new Order.Delivered(
                new OrderDetails(PLACED.orderId(), PLACED.customerId(), PLACED.lines(), OFFICE, TOTAL,
                        PLACED.placedAt()),
                new Payment(TOTAL, PAID.method(), PAID.paymentReference(), PAID.paidAt()),
                new ShipmentDetails(SHIPPED.trackingNumber(), SHIPPED.carrier(), SHIPPED.shippedAt()),
                DELIVERED.deliveredAt()));
    }

    @Test
    void findsALineByProductAndTellsTheOrderCurrency() {
        OrderDetails details = ((Order.Placed) decider.fold(List.of(PLACED))).details();

        assertThat(details.line(BREAD)).contains(OrderSamples.BREAD_LINE);
        assertThat(details.line(OrderSamples.HONEY)).isEmpty();
        assertThat(details.currency().getCurrencyCode()).isEqualTo("EUR");
    }

    @Test
    void refusesToFoldAnEventThatCannotFollowTheState() {
        assertThatThrownBy(() -> decider.evolve(new Order.NoOrder(), PAID))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("event 'order.paid' cannot follow no order")
                .hasMessageContaining("the stream is corrupt");
        assertThatThrownBy(() -> decider.fold(List.of(PLACED, CANCELLED, SHIPPED)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'order.shipped' cannot follow an order in status CANCELLED");
        assertThatThrownBy(() -> decider.fold(List.of(PLACED,
                new ItemRemoved(PLACED.orderId(), OrderSamples.HONEY, 1, 0, TOTAL, LATER))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("names product " + OrderSamples.HONEY + ", which is not on order");
        assertThatThrownBy(() -> decider.fold(List.of(PLACED, PLACED)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'order.placed' cannot follow an order in status PENDING");
    }

    @Test
    void refusesANullCommandOrState() {
        assertThatThrownBy(() -> decider.decide(null, new Order.NoOrder())).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> decider.decide(new DeliverOrder(LATER), null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void keepsTheCommandsLinesImmutable() {
        List<OrderLine> lines = new ArrayList<>(List.of(OrderSamples.CHEESE_LINE));
        PlaceOrder place = OrderSamples.placeOrder(lines);
        lines.clear();

        assertThat(place.lines()).containsExactly(OrderSamples.CHEESE_LINE);
        assertThatThrownBy(() -> place.lines().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void namesEveryRuleWithAStableKebabCaseId() {
        assertThat(Arrays.stream(OrderRule.values()).map(OrderRule::id)).containsExactly(
                "order-already-exists", "order-not-found", "order-id-required", "customer-required",
                "timestamp-required", "order-must-have-items", "duplicate-product-line", "product-required",
                "product-name-required", "quantity-must-be-positive", "quantity-limit-exceeded", "price-required",
                "price-must-not-be-negative", "one-currency-per-order", "unit-price-must-match-line",
                "address-required", "items-only-change-while-pending", "product-not-in-order",
                "cannot-remove-more-than-ordered", "order-must-keep-an-item", "address-change-only-before-shipment",
                "payment-requires-pending-order", "payment-amount-required", "payment-amount-must-match-total",
                "payment-method-required", "payment-reference-required", "shipment-requires-paid-order",
                "tracking-number-required", "carrier-required", "delivery-requires-shipped-order",
                "cancellation-reason-required", "cancel-not-after-delivery", "order-already-cancelled");
    }

    @Test
    void describesAViolationByRuleDetailAndStatus() {
        OrderRuleViolation violation = new OrderRuleViolation(OrderRule.ORDER_ALREADY_CANCELLED, OrderStatus.CANCELLED,
                "it was cancelled yesterday");

        assertThat(violation).hasMessage("rule order-already-cancelled: it was cancelled yesterday (order is CANCELLED)");
        assertThat(violation.rule()).isEqualTo("order-already-cancelled");
        assertThat(new OrderRuleViolation(OrderRule.ORDER_NOT_FOUND, null, "none here"))
                .hasMessage("rule order-not-found: none here (no order exists)");
    }
}
