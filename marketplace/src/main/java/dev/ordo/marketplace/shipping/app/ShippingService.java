package dev.ordo.marketplace.shipping.app;

import dev.ordo.core.bus.command.StreamNaming;
import dev.ordo.core.bus.command.Streams;
import dev.ordo.core.command.CommandHandler;
import dev.ordo.core.event.EventSerializer;
import dev.ordo.core.store.EventStore;
import dev.ordo.marketplace.shipping.Shipment;
import dev.ordo.marketplace.shipping.ShipmentCommand;
import dev.ordo.marketplace.shipping.ShipmentDecider;
import dev.ordo.marketplace.shipping.ShipmentEvent;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** Handles shipment commands at the loaded version, retrying conflicts on a fresh load. Thread-safe. */
@Service
public class ShippingService {

    /**
     * Each shipment, on {@code shipment-<shipmentId>}; address shipment commands with it (the result of a command has
     * the carrier and tracking number).
     */
    public static final StreamNaming<UUID, ShipmentCommand> SHIPMENTS = StreamNaming.of("shipment");

    private final Streams<UUID, ShipmentCommand, Shipment, ShipmentEvent> streams;

    public ShippingService(EventStore store, EventSerializer serializer) {
        this.streams = new Streams<>(SHIPMENTS, CommandHandler
                .builder(new ShipmentDecider(), ShipmentEvent.class, store, serializer)
                .retryOnConflict(command -> true, 3)
                .build());
    }

    /** The shipment streams, loaded by shipment id, and the handler that decides the commands the bus routes here. */
    public Streams<UUID, ShipmentCommand, Shipment, ShipmentEvent> streams() {
        return streams;
    }
}
