package dev.ordo.marketplace.ordering;

import static dev.ordo.marketplace.ordering.OrderSamples.LATER;
import static dev.ordo.marketplace.ordering.OrderSamples.ORDER;
import static dev.ordo.marketplace.ordering.OrderSamples.ORDERS;
import static dev.ordo.marketplace.ordering.OrderSamples.PLACED;
import static dev.ordo.marketplace.ordering.OrderSamples.TOTAL;
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

class PayingOrdersUnitTests {

    @ParameterizedTest
    @EnumSource(PaymentMethod.class)
    void paysAPendingOrderWithTheExactTotal(PaymentMethod method) {
        Order state = ORDERS.given(PLACED).when(new PayOrder(eur("23.4"), method, "psp-1", LATER))
                .then(new OrderPaid(ORDER, TOTAL, method, "psp-1", LATER));

        assertThat(state).isInstanceOfSatisfying(Order.Paid.class, paid -> {
            assertThat(paid.status()).isEqualTo(OrderStatus.PAID);
            assertThat(paid.payment()).isEqualTo(new Payment(TOTAL, method, "psp-1", LATER));
        });
    }

    @Test
    void paysTheTotalAsChangedByItemsAddedAfterPlacing() {
        ORDERS.given(PLACED, new ItemAdded(ORDER, OrderSamples.HONEY, "Honey", 1, eur("7.80"), 1, eur("31.20"), LATER))
                .when(new PayOrder(eur("31.20"), PaymentMethod.PAYPAL, "pp-9", LATER))
                .then(new OrderPaid(ORDER, eur("31.20"), PaymentMethod.PAYPAL, "pp-9", LATER));
    }

    @ParameterizedTest
    @EnumSource(value = OrderStatus.class, names = "PENDING", mode = EnumSource.Mode.EXCLUDE)
    void refusesPayingAnOrderThatIsNotPending(OrderStatus status) {
        assertRejected(inStatus(status, new PayOrder(TOTAL, PaymentMethod.CARD, "psp-1", LATER)),
                "payment-requires-pending-order", status);
    }

    @Test
    void refusesAPaymentWithoutTheTimeItWasMade() {
        assertRejected(ORDERS.given(PLACED).when(new PayOrder(TOTAL, PaymentMethod.CARD, "psp-1", null)),
                "timestamp-required", OrderStatus.PENDING);
    }

    @Test
    void refusesAPaymentWithoutAmount() {
        assertRejected(ORDERS.given(PLACED).when(new PayOrder(null, PaymentMethod.CARD, "psp-1", LATER)),
                "payment-amount-required", OrderStatus.PENDING);
    }

    @Test
    void refusesAPaymentThatDoesNotMatchTheOrderTotalWithAMessageNamingBothAmounts() {
        var outcome = ORDERS.given(PLACED).when(new PayOrder(eur("10"), PaymentMethod.CARD, "psp-1", LATER));

        assertRejected(outcome, "payment-amount-must-match-total", OrderStatus.PENDING);
        outcome.thenRejects(OrderRuleViolation.class).hasMessage("rule payment-amount-must-match-total: payment of "
                + "10.00 EUR does not match the order total 23.40 EUR (order is PENDING)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"23.39", "23.41", "46.80", "0"})
    void refusesPayingLessOrMoreThanTheTotal(String amount) {
        assertRejected(ORDERS.given(PLACED).when(new PayOrder(eur(amount), PaymentMethod.CARD, "psp-1", LATER)),
                "payment-amount-must-match-total", OrderStatus.PENDING);
    }

    @Test
    void refusesTheRightAmountInAnotherCurrency() {
        assertRejected(ORDERS.given(PLACED).when(new PayOrder(Money.of("23.40", "USD"), PaymentMethod.CARD, "psp-1",
                LATER)), "payment-amount-must-match-total", OrderStatus.PENDING);
    }

    @Test
    void refusesAPaymentWithoutMethod() {
        assertRejected(ORDERS.given(PLACED).when(new PayOrder(TOTAL, null, "psp-1", LATER)),
                "payment-method-required", OrderStatus.PENDING);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = "   ")
    void refusesAPaymentWithoutReference(String reference) {
        assertRejected(ORDERS.given(PLACED).when(new PayOrder(TOTAL, PaymentMethod.CARD, reference, LATER)),
                "payment-reference-required", OrderStatus.PENDING);
    }
}
