package dev.ordo.marketplace.ordering;

import static dev.ordo.marketplace.ordering.OrderSamples.LATER;
import static dev.ordo.marketplace.ordering.OrderSamples.ORDER;
import static dev.ordo.marketplace.ordering.OrderSamples.ORDERS;
import static dev.ordo.marketplace.ordering.OrderSamples.PLACED;
import static dev.ordo.marketplace.ordering.OrderSamples.assertRejected;
import static dev.ordo.marketplace.ordering.OrderSamples.historyOf;
import static dev.ordo.marketplace.ordering.OrderSamples.inStatus;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class CancellingOrdersUnitTests {

    @ParameterizedTest
    @EnumSource(value = OrderStatus.class, names = {"PENDING", "PAID", "SHIPPED"})
    void cancelsAnOrderBeforeDeliveryAndRecordsTheStatusItWasCancelledFrom(OrderStatus status) {
        Order state = ORDERS.given(historyOf(status)).when(new CancelOrder("out of stock", LATER))
                .then(new OrderCancelled(ORDER, "out of stock", status, LATER));

        assertThat(state).isInstanceOfSatisfying(Order.Cancelled.class, cancelled -> {
            assertThat(cancelled.status()).isEqualTo(OrderStatus.CANCELLED);
            assertThat(cancelled.cancelledFrom()).isEqualTo(status);
            assertThat(cancelled.reason()).isEqualTo("out of stock");
            assertThat(cancelled.details().total()).isEqualTo(PLACED.total());
        });
    }

    @Test
    void refusesCancellingADeliveredOrder() {
        assertRejected(inStatus(OrderStatus.DELIVERED, new CancelOrder("too late", LATER)), "cancel-not-after-delivery",
                OrderStatus.DELIVERED);
    }

    @Test
    void refusesCancellingACancelledOrderAgainAndSaysWhyItWasCancelled() {
        var outcome = inStatus(OrderStatus.CANCELLED, new CancelOrder("again", LATER));

        assertRejected(outcome, "order-already-cancelled", OrderStatus.CANCELLED);
        outcome.thenRejects(OrderRuleViolation.class).hasMessageContaining("ordered by mistake");
    }

    @Test
    void refusesACancellationWithoutTheTimeItWasMade() {
        assertRejected(ORDERS.given(PLACED).when(new CancelOrder("out of stock", null)), "timestamp-required",
                OrderStatus.PENDING);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = "  ")
    void refusesACancellationWithoutReason(String reason) {
        assertRejected(ORDERS.given(PLACED).when(new CancelOrder(reason, LATER)), "cancellation-reason-required",
                OrderStatus.PENDING);
    }
}
