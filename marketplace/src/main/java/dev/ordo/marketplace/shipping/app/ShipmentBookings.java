package dev.ordo.marketplace.shipping.app;

import dev.ordo.core.bus.command.CommandBus;
import dev.ordo.core.command.CommandResult;
import dev.ordo.marketplace.platform.wiring.ContextParticipant;
import dev.ordo.marketplace.platform.wiring.StepRefusedException;
import dev.ordo.marketplace.shipping.CancelBooking;
import dev.ordo.marketplace.shipping.CancelShipment;
import dev.ordo.marketplace.shipping.CreateShipment;
import dev.ordo.marketplace.shipping.Shipment;
import dev.ordo.marketplace.shipping.ShipmentBooked;
import dev.ordo.marketplace.shipping.ShipmentEvent;
import dev.ordo.marketplace.shipping.ShippingContracts;
import dev.ordo.saga.StepRequest;
import org.springframework.stereotype.Component;

/**
 * Shipping as a saga participant: books the parcel a {@link CreateShipment} request asks for, and cancels a booking,
 * through the command bus. A repeated request finds the parcel booked (or cancelled) and gives the same answer (the
 * carrier and tracking number follow from the shipment id). Thread-safe.
 */
@Component
public class ShipmentBookings implements ContextParticipant {

    private final CommandBus commands;

    public ShipmentBookings(CommandBus commands) {
        this.commands = commands;
    }

    @Override
    public void handlers(Handlers handlers) {
        handlers.handle(ShippingContracts.CREATE, this::book).handle(ShippingContracts.CANCEL, this::cancel);
    }

    /**
     * @throws StepRefusedException when the shipment exists but is not booked (it was cancelled)
     */
    ShipmentBooked book(CreateShipment command, StepRequest request) {
        CommandResult<Shipment, ShipmentEvent> result = commands.dispatch(ShippingService.SHIPMENTS.command(
                command.shipmentId(), command), request.metadata());
        if (!(result.state() instanceof Shipment.Created created)) {
            throw new StepRefusedException("shipment " + command.shipmentId() + " could not be booked: it is "
                    + result.state());
        }
        return new ShipmentBooked(command.shipmentId(), created.carrier(), created.trackingNumber());
    }

    Object cancel(CancelBooking command, StepRequest request) {
        commands.dispatch(ShippingService.SHIPMENTS.command(command.shipmentId(), new CancelShipment(command.reason(),
                command.cancelledAt())), request.metadata());
        return null;
    }
}
