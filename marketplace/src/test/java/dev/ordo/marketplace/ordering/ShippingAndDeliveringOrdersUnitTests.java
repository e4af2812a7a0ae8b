package dev.ordo.marketplace.ordering;

import static dev.ordo.marketplace.ordering.OrderSamples.LATER;
import static dev.ordo.marketplace.ordering.OrderSamples.ORDER;
import static dev.ordo.marketplace.ordering.OrderSamples.ORDERS;
import static dev.ordo.marketplace.ordering.OrderSamples.PAID;
import static dev.ordo.marketplace.ordering.OrderSamples.PLACED;
import static dev.ordo.marketplace.ordering.OrderSamples.SHIPPED;
import static dev.ordo.marketplace.ordering.OrderSamples.assertRejected;
import static dev.ordo.marketplace.ordering.OrderSamples.inStatus;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ShippingAndDeliveringOrdersUnitTests {

    @Test
    void shipsAPaidOrderWithItsTrackingNumberAndCarrier() {
        Order state = ORDERS.given(PLACED, PAID).when(new ShipOrder("1Z-1", "UPS", LATER))
                .then(new OrderShipped(ORDER, "1Z-1", "UPS", LATER));

        assertThat(state).isInstanceOfSatisfying(Order.Shipped.class, shipped -> {
            assertThat(shipped.status()).isEqualTo(OrderStatus.SHIPPED);
            assertThat(shipped.shipment()).isEqualTo(new ShipmentDetails("1Z-1", "UPS", LATER));
            assertThat(shipped.payment().amount()).isEqualTo(PAID.amount());
        });
    }

    @ParameterizedTest
    @EnumSource(value = OrderStatus.class, names = "PAID", mode = EnumSource.Mode.EXCLUDE)
    void refusesShippingAnOrderThatIsNotPaid(OrderStatus status) {
        assertRejected(inStatus(status, new ShipOrder("1Z-1", "UPS", LATER)), "shipment-requires-paid-order", status);
    }

    @Test
    void refusesAShipmentWithoutTheTimeItWasShipped() {
        assertRejected(ORDERS.given(PLACED, PAID).when(new ShipOrder("1Z-1", "UPS", null)), "timestamp-required",
                OrderStatus.PAID);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = " ")
    void refusesAShipmentWithoutTrackingNumber(String trackingNumber) {
        assertRejected(ORDERS.given(PLACED, PAID).when(new ShipOrder(trackingNumber, "UPS", LATER)),
                "tracking-number-required", OrderStatus.PAID);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = " ")
    void refusesAShipmentWithoutCarrier(String carrier) {
        assertRejected(ORDERS.given(PLACED, PAID).when(new ShipOrder("1Z-1", carrier, LATER)), "carrier-required",
                OrderStatus.PAID);
    }

    @Test
    void deliversAShippedOrderAndKeepsItsPaymentAndShipment() {
        Order state = ORDERS.given(PLACED, PAID, SHIPPED).when(new DeliverOrder(LATER))
                .then(new OrderDelivered(ORDER, LATER));

        assertThat(state).isInstanceOfSatisfying(Order.Delivered.class, delivered -> {
            assertThat(delivered.status()).isEqualTo(OrderStatus.DELIVERED);
            assertThat(delivered.deliveredAt()).isEqualTo(LATER);
            assertThat(delivered.shipment().trackingNumber()).isEqualTo(SHIPPED.trackingNumber());
            assertThat(delivered.payment().reference()).isEqualTo(PAID.paymentReference());
        });
    }

    @ParameterizedTest
    @EnumSource(value = OrderStatus.class, names = "SHIPPED", mode = EnumSource.Mode.EXCLUDE)
    void refusesDeliveringAnOrderThatIsNotShipped(OrderStatus status) {
        assertRejected(inStatus(status, new DeliverOrder(LATER)), "delivery-requires-shipped-order", status);
    }

    @Test
    void refusesADeliveryWithoutTheTimeItWasDelivered() {
        assertRejected(ORDERS.given(PLACED, PAID, SHIPPED).when(new DeliverOrder(null)), "timestamp-required",
                OrderStatus.SHIPPED);
    }
}
