package dev.ordo.marketplace.shipping.app;

import dev.ordo.core.bus.command.CommandBus;
import dev.ordo.core.command.CommandResult;
import dev.ordo.marketplace.shipping.CreateShipment;
import dev.ordo.marketplace.shipping.Shipment;
import dev.ordo.marketplace.shipping.ShipmentBooked;
import dev.ordo.marketplace.shipping.ShipmentEvent;
import dev.ordo.saga.StepRequest;
import org.springframework.stereotype.Component;

/**
 * Shipping as a participant that sagas call by message: books the parcel a {@link CreateShipment} request asks for,
 * through the command bus, and answers with the booking. A repeated request finds the parcel booked and gives the same
 * answer (the carrier and tracking number follow from the shipment id). Thread-safe.
 */
@Component
public class ShipmentBookings {

    private final CommandBus commands;

    public ShipmentBookings(CommandBus commands) {
        this.commands = commands;
    }

    /**
     * @throws IllegalStateException when the shipment exists but is not booked (it was cancelled): a refusal
     */
    public ShipmentBooked book(CreateShipment command, StepRequest request) {
        CommandResult<Shipment, ShipmentEvent> result = commands.dispatch(ShippingService.SHIPMENTS.command(command.shipmentId(),
                command), request.metadata());
        if (!(result.state() instanceof Shipment.Created created)) {
            throw new IllegalStateException("shipment " + command.shipmentId() + " could not be booked: it is "
                    + result.state());
        }
        return new ShipmentBooked(command.shipmentId(), created.carrier(), created.trackingNumber());
    }
}
