package dev.ordo.marketplace.shipping.app;

import dev.ordo.core.bus.command.StreamCommand;
import dev.ordo.core.command.CommandHandler;
import dev.ordo.core.command.Loaded;
import dev.ordo.core.event.EventSerializer;
import dev.ordo.core.event.StreamId;
import dev.ordo.core.store.EventStore;
import dev.ordo.marketplace.shipping.Shipment;
import dev.ordo.marketplace.shipping.ShipmentCommand;
import dev.ordo.marketplace.shipping.ShipmentDecider;
import dev.ordo.marketplace.shipping.ShipmentEvent;
import java.util.Objects;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** Handles shipment commands at the loaded version, retrying conflicts on a fresh load. Thread-safe. */
@Service
public class ShippingService {

    private final CommandHandler<ShipmentCommand, Shipment, ShipmentEvent> handler;

    public ShippingService(EventStore store, EventSerializer serializer) {
        this.handler = CommandHandler.builder(new ShipmentDecider(), ShipmentEvent.class, store, serializer)
                .retryOnConflict(command -> true, 3)
                .build();
    }

    /** The stream of a shipment. */
    public static StreamId stream(UUID shipmentId) {
        return StreamId.of("shipment", shipmentId);
    }

    /** A command on the shipment as it is now, for the command bus; its result has the carrier and tracking number. */
    public static StreamCommand<ShipmentCommand> request(UUID shipmentId, ShipmentCommand command) {
        return StreamCommand.to(stream(Objects.requireNonNull(shipmentId, "shipmentId")), command);
    }

    /** Decides the commands the bus routes here ({@link #request}). */
    public CommandHandler<ShipmentCommand, Shipment, ShipmentEvent> handler() {
        return handler;
    }

    /** The shipment as it is now. */
    public Loaded<Shipment> load(UUID shipmentId) {
        return handler.load(stream(shipmentId));
    }
}
