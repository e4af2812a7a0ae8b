package dev.ordo.marketplace.ordering;

import static dev.ordo.marketplace.ordering.OrderSamples.BREAD;
import static dev.ordo.marketplace.ordering.OrderSamples.BREAD_LINE;
import static dev.ordo.marketplace.ordering.OrderSamples.CHEESE;
import static dev.ordo.marketplace.ordering.OrderSamples.CHEESE_LINE;
import static dev.ordo.marketplace.ordering.OrderSamples.CUSTOMER;
import static dev.ordo.marketplace.ordering.OrderSamples.HOME;
import static dev.ordo.marketplace.ordering.OrderSamples.HONEY;
import static dev.ordo.marketplace.ordering.OrderSamples.ORDER;
import static dev.ordo.marketplace.ordering.OrderSamples.ORDERS;
import static dev.ordo.marketplace.ordering.OrderSamples.PLACED;
import static dev.ordo.marketplace.ordering.OrderSamples.PLACED_AT;
import static dev.ordo.marketplace.ordering.OrderSamples.TOTAL;
import static dev.ordo.marketplace.ordering.OrderSamples.assertRejected;
import static dev.ordo.marketplace.ordering.OrderSamples.eur;
import static dev.ordo.marketplace.ordering.OrderSamples.inStatus;
import static dev.ordo.marketplace.ordering.OrderSamples.placeOrder;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ordo.marketplace.shared.Address;
import dev.ordo.marketplace.shared.Money;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PlacingOrdersUnitTests {

    @Test
    void placesAPendingOrderWithItsLinesAddressAndComputedTotal() {
        Order state = ORDERS.when(placeOrder()).then(PLACED);

        assertThat(state).isEqualTo(new Order.Pending(
                new OrderDetails(ORDER, CUSTOMER, List.of(CHEESE_LINE, BREAD_LINE), HOME, TOTAL, PLACED_AT)));
        assertThat(((Order.Pending) state).status()).isEqualTo(OrderStatus.PENDING);
    }

    @Test
    void computesTheTotalExactlyAsTheSumOfQuantityTimesUnitPrice() {
        List<OrderLine> lines = List.of(new OrderLine(CHEESE, "Cheese", 3, eur("0.10")),
                new OrderLine(BREAD, "Bread", 7, eur("0.20")), new OrderLine(HONEY, "Honey", 1, eur("0.01")));

        ORDERS.when(placeOrder(lines)).then(new OrderPlaced(ORDER, CUSTOMER, lines, HOME, eur("1.71"), PLACED_AT));
    }

    @Test
    void acceptsFreeItemsAndTheLargestQuantityALineMayHold() {
        List<OrderLine> lines = List.of(new OrderLine(CHEESE, "Sample", OrderLine.MAX_QUANTITY, eur("0")));

        ORDERS.when(placeOrder(lines)).then(new OrderPlaced(ORDER, CUSTOMER, lines, HOME, eur("0.00"), PLACED_AT));
    }

    @ParameterizedTest
    @EnumSource(OrderStatus.class)
    void refusesPlacingAnOrderOnAStreamThatHasOne(OrderStatus status) {
        assertRejected(inStatus(status, placeOrder()), "order-already-exists", status);
    }

    @Test
    void refusesAnOrderWithoutId() {
        assertRejected(ORDERS.when(new PlaceOrder(null, CUSTOMER, List.of(CHEESE_LINE), HOME, PLACED_AT)),
                "order-id-required", null);
    }

    @Test
    void refusesAnOrderWithoutCustomer() {
        assertRejected(ORDERS.when(new PlaceOrder(ORDER, null, List.of(CHEESE_LINE), HOME, PLACED_AT)),
                "customer-required", null);
    }

    @Test
    void refusesAnOrderWithoutTheTimeItWasPlaced() {
        assertRejected(ORDERS.when(new PlaceOrder(ORDER, CUSTOMER, List.of(CHEESE_LINE), HOME, null)),
                "timestamp-required", null);
    }

    @Test
    void refusesAnOrderWithoutLines() {
        assertRejected(ORDERS.when(placeOrder(List.of())), "order-must-have-items", null);
        assertRejected(ORDERS.when(placeOrder(null)), "order-must-have-items", null);
    }

    @Test
    void refusesALineWithoutProduct() {
        assertRejected(ORDERS.when(placeOrder(List.of(CHEESE_LINE, new OrderLine(null, "Bread", 1, eur("1.00"))))),
                "product-required", null);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = "  ")
    void refusesALineWithoutProductName(String name) {
        assertRejected(ORDERS.when(placeOrder(List.of(new OrderLine(BREAD, name, 1, eur("1.00"))))),
                "product-name-required", null);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, Integer.MIN_VALUE})
    void refusesALineWhoseQuantityIsNotPositive(int quantity) {
        var outcome = ORDERS.when(placeOrder(List.of(CHEESE_LINE, new OrderLine(BREAD, "Bread", quantity, eur("1")))));

        assertRejected(outcome, "quantity-must-be-positive", null);
        outcome.thenRejects(OrderRuleViolation.class).hasMessageContaining("line 2 (Bread) has quantity " + quantity);
    }

    @Test
    void refusesALineAboveTheQuantityLimit() {
        assertRejected(ORDERS.when(placeOrder(List.of(new OrderLine(BREAD, "Bread", OrderLine.MAX_QUANTITY + 1,
                eur("1.00"))))), "quantity-limit-exceeded", null);
    }

    @Test
    void refusesALineWithoutUnitPrice() {
        assertRejected(ORDERS.when(placeOrder(List.of(new OrderLine(BREAD, "Bread", 1, null)))), "price-required",
                null);
    }

    @Test
    void refusesANegativeUnitPrice() {
        assertRejected(ORDERS.when(placeOrder(List.of(new OrderLine(BREAD, "Bread", 1, eur("-0.01"))))),
                "price-must-not-be-negative", null);
    }

    @Test
    void refusesLinesPricedInDifferentCurrencies() {
        var outcome = ORDERS.when(placeOrder(List.of(CHEESE_LINE,
                new OrderLine(BREAD, "Bread", 1, Money.of("5.00", "CHF")))));

        assertRejected(outcome, "one-currency-per-order", null);
        outcome.thenRejects(OrderRuleViolation.class).hasMessageContaining("priced in CHF but the order is in EUR");
    }

    @Test
    void refusesTheSameProductOnTwoLinesRatherThanGuessingHowToMergeThem() {
        assertRejected(ORDERS.when(placeOrder(List.of(CHEESE_LINE, BREAD_LINE,
                new OrderLine(CHEESE, "Mountain Cheese", 1, eur("8.90"))))), "duplicate-product-line", null);
    }

    @Test
    void refusesAnOrderWithoutShippingAddress() {
        assertRejected(ORDERS.when(new PlaceOrder(ORDER, CUSTOMER, List.of(CHEESE_LINE), null, PLACED_AT)),
                "address-required", null);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3})
    void refusesAnAddressWithABlankFieldAndNamesTheField(int blankField) {
        String[] fields = {"Main Street 1", "Berlin", "10115", "DE"};
        fields[blankField] = blankField % 2 == 0 ? " " : null;
        Address incomplete = new Address(fields[0], fields[1], fields[2], fields[3]);
        String missing = List.of("street", "city", "postalCode", "country").get(blankField);

        var outcome = ORDERS.when(new PlaceOrder(ORDER, CUSTOMER, List.of(CHEESE_LINE), incomplete, PLACED_AT));

        assertRejected(outcome, "address-required", null);
        outcome.thenRejects(OrderRuleViolation.class).hasMessageContaining("missing " + missing);
    }
}
