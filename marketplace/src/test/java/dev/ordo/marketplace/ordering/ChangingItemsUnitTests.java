package dev.ordo.marketplace.ordering;

import static dev.ordo.marketplace.ordering.OrderSamples.BREAD;
import static dev.ordo.marketplace.ordering.OrderSamples.BREAD_LINE;
import static dev.ordo.marketplace.ordering.OrderSamples.CHEESE;
import static dev.ordo.marketplace.ordering.OrderSamples.CHEESE_LINE;
import static dev.ordo.marketplace.ordering.OrderSamples.HONEY;
import static dev.ordo.marketplace.ordering.OrderSamples.LATER;
import static dev.ordo.marketplace.ordering.OrderSamples.ORDER;
import static dev.ordo.marketplace.ordering.OrderSamples.ORDERS;
import static dev.ordo.marketplace.ordering.OrderSamples.PLACED;
import static dev.ordo.marketplace.ordering.OrderSamples.assertRejected;
import static dev.ordo.marketplace.ordering.OrderSamples.eur;
import static dev.ordo.marketplace.ordering.OrderSamples.inStatus;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ordo.marketplace.shared.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ChangingItemsUnitTests {

    private static final OrderLine HONEY_LINE = new OrderLine(HONEY, "Wildflower Honey", 2, eur("7.80"));

    @Test
    void addsANewProductAsANewLastLineAndCarriesTheNewTotal() {
        Order state = ORDERS.given(PLACED).when(new AddItem(HONEY, "Wildflower Honey", 2, eur("7.80"), LATER))
                .then(new ItemAdded(ORDER, HONEY, "Wildflower Honey", 2, eur("7.80"), 2, eur("39.00"), LATER));

        OrderDetails details = ((Order.Pending) state).details();
        assertThat(details.lines()).containsExactly(CHEESE_LINE, BREAD_LINE, HONEY_LINE);
        assertThat(details.total()).isEqualTo(eur("39.00"));
    }

    @Test
    void addingAProductAlreadyOnTheOrderIncreasesItsLineAndKeepsItsName() {
        Order state = ORDERS.given(PLACED).when(new AddItem(CHEESE, "Cheese, renamed", 3, eur("8.90"), LATER))
                .then(new ItemAdded(ORDER, CHEESE, "Mountain Cheese", 3, eur("8.90"), 5, eur("50.10"), LATER));

        assertThat(((Order.Pending) state).details().lines())
                .containsExactly(new OrderLine(CHEESE, "Mountain Cheese", 5, eur("8.90")), BREAD_LINE);
    }

    @ParameterizedTest
    @EnumSource(value = OrderStatus.class, names = "PENDING", mode = EnumSource.Mode.EXCLUDE)
    void refusesAddingItemsOnceTheOrderIsNoLongerPending(OrderStatus status) {
        assertRejected(inStatus(status, new AddItem(HONEY, "Honey", 1, eur("7.80"), LATER)),
                "items-only-change-while-pending", status);
    }

    @Test
    void refusesAddingWithoutTheTimeItWasAdded() {
        assertRejected(ORDERS.given(PLACED).when(new AddItem(HONEY, "Honey", 1, eur("7.80"), null)),
                "timestamp-required", OrderStatus.PENDING);
    }

    @Test
    void refusesAddingWithoutProduct() {
        assertRejected(ORDERS.given(PLACED).when(new AddItem(null, "Honey", 1, eur("7.80"), LATER)),
                "product-required", OrderStatus.PENDING);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = "\t")
    void refusesAddingWithoutProductName(String name) {
        assertRejected(ORDERS.given(PLACED).when(new AddItem(HONEY, name, 1, eur("7.80"), LATER)),
                "product-name-required", OrderStatus.PENDING);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -3})
    void refusesAddingAQuantityThatIsNotPositive(int quantity) {
        assertRejected(ORDERS.given(PLACED).when(new AddItem(HONEY, "Honey", quantity, eur("7.80"), LATER)),
                "quantity-must-be-positive", OrderStatus.PENDING);
    }

    @Test
    void refusesAddingMoreUnitsThanALineMayHold() {
        assertRejected(ORDERS.given(PLACED).when(new AddItem(HONEY, "Honey", OrderLine.MAX_QUANTITY + 1,
                eur("7.80"), LATER)), "quantity-limit-exceeded", OrderStatus.PENDING);
        assertRejected(ORDERS.given(PLACED).when(new AddItem(CHEESE, "Mountain Cheese", OrderLine.MAX_QUANTITY - 1,
                eur("8.90"), LATER)), "quantity-limit-exceeded", OrderStatus.PENDING);
    }

    @Test
    void refusesAddingWithoutUnitPrice() {
        assertRejected(ORDERS.given(PLACED).when(new AddItem(HONEY, "Honey", 1, null, LATER)),
                "price-required", OrderStatus.PENDING);
    }

    @Test
    void refusesAddingAtANegativeUnitPrice() {
        assertRejected(ORDERS.given(PLACED).when(new AddItem(HONEY, "Honey", 1, eur("-7.80"), LATER)),
                "price-must-not-be-negative", OrderStatus.PENDING);
    }

    @Test
    void refusesAddingAnItemPricedInAnotherCurrency() {
        assertRejected(ORDERS.given(PLACED).when(new AddItem(HONEY, "Honey", 1, Money.of("7.80", "USD"), LATER)),
                "one-currency-per-order", OrderStatus.PENDING);
    }

    @Test
    void refusesAddingUnitsOfAProductOnTheOrderAtAnotherUnitPrice() {
        var outcome = ORDERS.given(PLACED).when(new AddItem(CHEESE, "Mountain Cheese", 1, eur("9.50"), LATER));

        assertRejected(outcome, "unit-price-must-match-line", OrderStatus.PENDING);
        outcome.thenRejects(OrderRuleViolation.class).hasMessageContaining("at 8.90 EUR per unit")
                .hasMessageContaining("at 9.50 EUR");
    }

    @Test
    void removesSomeUnitsOfALineAndCarriesTheNewTotal() {
        Order state = ORDERS.given(PLACED).when(new RemoveItem(CHEESE, 1, LATER))
                .then(new ItemRemoved(ORDER, CHEESE, 1, 1, eur("14.50"), LATER));

        assertThat(((Order.Pending) state).details().lines())
                .containsExactly(new OrderLine(CHEESE, "Mountain Cheese", 1, eur("8.90")), BREAD_LINE);
    }

    @Test
    void removesTheLineWhenAllItsUnitsAreRemoved() {
        Order state = ORDERS.given(PLACED).when(new RemoveItem(BREAD, 1, LATER))
                .then(new ItemRemoved(ORDER, BREAD, 1, 0, eur("17.80"), LATER));

        assertThat(((Order.Pending) state).details().lines()).containsExactly(CHEESE_LINE);
        assertThat(((Order.Pending) state).details().line(BREAD)).isEmpty();
    }

    @Test
    void addsARemovedProductBackAsANewLastLine() {
        ORDERS.given(PLACED, new ItemRemoved(ORDER, CHEESE, 2, 0, eur("5.60"), LATER))
                .when(new AddItem(CHEESE, "Mountain Cheese", 1, eur("8.90"), LATER))
                .thenState(state -> assertThat(((Order.Placed) state).details().lines())
                        .containsExactly(BREAD_LINE, new OrderLine(CHEESE, "Mountain Cheese", 1, eur("8.90"))));
    }

    @ParameterizedTest
    @EnumSource(value = OrderStatus.class, names = "PENDING", mode = EnumSource.Mode.EXCLUDE)
    void refusesRemovingItemsOnceTheOrderIsNoLongerPending(OrderStatus status) {
        assertRejected(inStatus(status, new RemoveItem(CHEESE, 1, LATER)), "items-only-change-while-pending", status);
    }

    @Test
    void refusesRemovingWithoutTheTimeItWasRemoved() {
        assertRejected(ORDERS.given(PLACED).when(new RemoveItem(CHEESE, 1, null)), "timestamp-required",
                OrderStatus.PENDING);
    }

    @Test
    void refusesRemovingWithoutProduct() {
        assertRejected(ORDERS.given(PLACED).when(new RemoveItem(null, 1, LATER)), "product-required",
                OrderStatus.PENDING);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1})
    void refusesRemovingAQuantityThatIsNotPositive(int quantity) {
        assertRejected(ORDERS.given(PLACED).when(new RemoveItem(CHEESE, quantity, LATER)),
                "quantity-must-be-positive", OrderStatus.PENDING);
    }

    @Test
    void refusesRemovingAProductThatIsNotOnTheOrder() {
        assertRejected(ORDERS.given(PLACED).when(new RemoveItem(HONEY, 1, LATER)), "product-not-in-order",
                OrderStatus.PENDING);
    }

    @Test
    void refusesRemovingMoreUnitsThanTheLineHolds() {
        var outcome = ORDERS.given(PLACED).when(new RemoveItem(CHEESE, 3, LATER));

        assertRejected(outcome, "cannot-remove-more-than-ordered", OrderStatus.PENDING);
        outcome.thenRejects(OrderRuleViolation.class).hasMessageContaining("cannot remove 3 units of Mountain Cheese, "
                + "the order has 2");
    }

    @Test
    void refusesRemovingTheLastUnitOfTheLastLineSinceThatIsACancellation() {
        var outcome = ORDERS.given(PLACED, new ItemRemoved(ORDER, BREAD, 1, 0, eur("17.80"), LATER))
                .when(new RemoveItem(CHEESE, 2, LATER));

        assertRejected(outcome, "order-must-keep-an-item", OrderStatus.PENDING);
        outcome.thenRejects(OrderRuleViolation.class).hasMessageContaining("cancel the order instead");
    }

    @Test
    void allowsRemovingUnitsOfTheLastLineAsLongAsOneRemains() {
        ORDERS.given(PLACED, new ItemRemoved(ORDER, BREAD, 1, 0, eur("17.80"), LATER))
                .when(new RemoveItem(CHEESE, 1, LATER))
                .then(new ItemRemoved(ORDER, CHEESE, 1, 1, eur("8.90"), LATER));
    }
}
