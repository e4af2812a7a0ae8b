package dev.ordo.marketplace.shipping.web;

import dev.ordo.core.command.Loaded;
import dev.ordo.marketplace.shipping.Shipment;
import dev.ordo.marketplace.shipping.ShippingRule;
import dev.ordo.marketplace.shipping.ShippingRuleViolation;
import dev.ordo.marketplace.shipping.app.ShippingService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A shipment over HTTP, folded from its stream. */
@RestController
@RequestMapping("/shipments")
@Tag(name = "shipping", description = "Parcels booked with carriers")
class ShipmentController {

    private final ShippingService shipping;

    ShipmentController(ShippingService shipping) {
        this.shipping = shipping;
    }

    /** A shipment as the API shows it. */
    record ShipmentView(String shipmentId, String orderId, String status, String carrier, String trackingNumber,
                        Instant createdAt, String cancellationReason, long version) {
    }

    @GetMapping("/{shipmentId}")
    @Operation(summary = "A shipment", description = "Its carrier, tracking number and whether it was cancelled.")
    ShipmentView get(@PathVariable UUID shipmentId) {
        Loaded<Shipment> loaded = shipping.streams().load(shipmentId);
        return switch (loaded.state()) {
            case Shipment.None none -> throw new ShippingRuleViolation(ShippingRule.SHIPMENT_NOT_FOUND, none,
                    "shipment " + shipmentId + " does not exist");
            case Shipment.Created c -> new ShipmentView(c.shipmentId().toString(), c.orderId().toString(), "BOOKED",
                    c.carrier(), c.trackingNumber(), c.createdAt(), null, loaded.version());
            case Shipment.Cancelled x -> new ShipmentView(x.shipment().shipmentId().toString(),
                    x.shipment().orderId().toString(), "CANCELLED", x.shipment().carrier(),
                    x.shipment().trackingNumber(), x.shipment().createdAt(), x.reason(), loaded.version());
        };
    }
}
