package dev.ordo.marketplace.shipping;

import dev.ordo.marketplace.shared.StepContract;

/** The requests shipping answers for sagas, as published (ADR 27): their names on the wire and their answers. */
public final class ShippingContracts {

    /** The participant's name, and the part of its command topic that names it. */
    public static final String PARTICIPANT = "shipping";

    public static final StepContract<CreateShipment> CREATE = new StepContract<>("shipping.create-shipment.v1",
            CreateShipment.class, PARTICIPANT, ShipmentBooked.class);
    public static final StepContract<CancelBooking> CANCEL = StepContract.of("shipping.cancel-booking.v1",
            CancelBooking.class, PARTICIPANT);

    private ShippingContracts() {
    }
}
