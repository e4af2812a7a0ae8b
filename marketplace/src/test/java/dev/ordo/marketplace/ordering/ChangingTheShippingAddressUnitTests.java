package dev.ordo.marketplace.ordering;

import static dev.ordo.marketplace.ordering.OrderSamples.HOME;
import static dev.ordo.marketplace.ordering.OrderSamples.LATER;
import static dev.ordo.marketplace.ordering.OrderSamples.OFFICE;
import static dev.ordo.marketplace.ordering.OrderSamples.ORDER;
import static dev.ordo.marketplace.ordering.OrderSamples.ORDERS;
import static dev.ordo.marketplace.ordering.OrderSamples.PAID;
import static dev.ordo.marketplace.ordering.OrderSamples.PLACED;
import static dev.ordo.marketplace.ordering.OrderSamples.assertRejected;
import static dev.ordo.marketplace.ordering.OrderSamples.historyOf;
import static dev.ordo.marketplace.ordering.OrderSamples.inStatus;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ordo.marketplace.shared.Address;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ChangingTheShippingAddressUnitTests {

    @ParameterizedTest
    @EnumSource(value = OrderStatus.class, names = {"PENDING", "PAID"})
    void changesTheAddressBeforeShipmentAndKeepsTheStatus(OrderStatus status) {
        Order state = ORDERS.given(historyOf(status)).when(new ChangeShippingAddress(OFFICE, LATER))
                .then(new ShippingAddressChanged(ORDER, OFFICE, LATER));

        assertThat(((Order.Placed) state).details().shippingAddress()).isEqualTo(OFFICE);
        assertThat(((Order.Placed) state).status()).isEqualTo(status);
    }

    @Test
    void keepsThePaymentOfAPaidOrderWhenTheAddressChanges() {
        Order state = ORDERS.given(PLACED, PAID).when(new ChangeShippingAddress(OFFICE, LATER))
                .then(new ShippingAddressChanged(ORDER, OFFICE, LATER));

        assertThat(((Order.Paid) state).payment()).isEqualTo(new Payment(PAID.amount(), PAID.method(),
                PAID.paymentReference(), PAID.paidAt()));
    }

    @Test
    void acceptsTheCurrentAddressAndRecordsNoChange() {
        Address sameAsHome = new Address(HOME.street(), HOME.city(), HOME.postalCode(), HOME.country());

        ORDERS.given(PLACED).when(new ChangeShippingAddress(sameAsHome, LATER)).thenNothing();
    }

    @Test
    void treatsAnyDifferenceInSpellingAsANewAddress() {
        Address spelledDifferently = new Address("Main Street 1", "BERLIN", "10115", "DE");

        ORDERS.given(PLACED).when(new ChangeShippingAddress(spelledDifferently, LATER))
                .then(new ShippingAddressChanged(ORDER, spelledDifferently, LATER));
    }

    @ParameterizedTest
    @EnumSource(value = OrderStatus.class, names = {"SHIPPED", "DELIVERED", "CANCELLED"})
    void refusesChangingTheAddressOnceTheOrderShippedOrEnded(OrderStatus status) {
        assertRejected(inStatus(status, new ChangeShippingAddress(OFFICE, LATER)),
                "address-change-only-before-shipment", status);
    }

    @Test
    void refusesAChangeWithoutTheTimeItWasMade() {
        assertRejected(ORDERS.given(PLACED).when(new ChangeShippingAddress(OFFICE, null)), "timestamp-required",
                OrderStatus.PENDING);
    }

    @ParameterizedTest
    @EnumSource(value = OrderStatus.class, names = {"PENDING", "PAID"})
    void refusesAMissingOrIncompleteAddress(OrderStatus status) {
        assertRejected(inStatus(status, new ChangeShippingAddress(null, LATER)), "address-required", status);
        assertRejected(inStatus(status, new ChangeShippingAddress(new Address("Harbour Road 7", "", "20457", "DE"),
                LATER)), "address-required", status);
    }
}
