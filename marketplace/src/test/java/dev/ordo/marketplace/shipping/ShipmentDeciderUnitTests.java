package dev.ordo.marketplace.shipping;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ordo.marketplace.shared.Address;
import dev.ordo.marketplace.shared.OrderId;

import dev.ordo.test.fixture.DeciderFixture;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ShipmentDeciderUnitTests {

    private static final DeciderFixture<ShipmentCommand, Shipment, ShipmentEvent> SHIPPING =
            DeciderFixture.of(new ShipmentDecider());
    private static final UUID SHIPMENT = UUID.fromString("7f3c2a00-0000-4000-8000-0000000000c1");
    private static final OrderId ORDER = OrderId.of(UUID.fromString("00000000-0000-4000-8000-00000000000a"));
    private static final Address BERLIN = new Address("Main St 1", "Berlin", "10115", "DE");
    private static final Instant AT = Instant.parse("2026-11-22T10:00:00Z");
    private static final ShipmentCreated CREATED = new ShipmentCreated(SHIPMENT, ORDER, BERLIN, "DHL",
            Carriers.trackingNumber("DHL", SHIPMENT), AT);

    @Test
    void booksTheCarrierOfTheCountryWithATrackingNumberThatFollowsFromTheShipment() {
        SHIPPING.when(new CreateShipment(SHIPMENT, ORDER, BERLIN, AT)).then(CREATED);

        assertThat(CREATED.trackingNumber()).matches("DHL-[0-9A-F]{10}")
                .isEqualTo(Carriers.trackingNumber("DHL", SHIPMENT));
        assertThat(Carriers.carrierFor(new Address("1 Rue", "Lyon", "69001", "FR"))).isEqualTo("La Poste");
    }

    @Test
    void creatingTheSameShipmentAgainRecordsNothing() {
        SHIPPING.given(CREATED).when(new CreateShipment(SHIPMENT, ORDER, BERLIN, AT)).thenNothing();
    }

    @Test
    void cancelsABookedShipmentAndAcceptsCancellingOneThatWasNeverBooked() {
        SHIPPING.given(CREATED).when(new CancelShipment("payment declined", AT))
                .then(new ShipmentCancelled(SHIPMENT, "payment declined", AT));
        SHIPPING.when(new CancelShipment("payment declined", AT)).thenNothing();
        SHIPPING.given(CREATED, new ShipmentCancelled(SHIPMENT, "x", AT)).when(new CancelShipment("again", AT))
                .thenNothing();
    }

    @Test
    void aCancelledShipmentIsNotBookedAgain() {
        SHIPPING.given(CREATED, new ShipmentCancelled(SHIPMENT, "x", AT))
                .when(new CreateShipment(SHIPMENT, ORDER, BERLIN, AT))
                .thenRejects(ShippingRuleViolation.class, "rule shipment-cancelled");
    }

    @Test
    void refusesAnIncompleteAddressNamingTheMissingFields() {
        SHIPPING.when(new CreateShipment(SHIPMENT, ORDER, new Address("Main St 1", " ", "10115", "DE"), AT))
                .thenRejects(ShippingRuleViolation.class, "missing [city]");
    }
}
