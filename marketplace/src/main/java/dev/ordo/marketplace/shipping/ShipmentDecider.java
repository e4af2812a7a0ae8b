package dev.ordo.marketplace.shipping;

import static dev.ordo.marketplace.shipping.ShippingRule.ADDRESS_REQUIRED;
import static dev.ordo.marketplace.shipping.ShippingRule.CANCELLATION_REASON_REQUIRED;
import static dev.ordo.marketplace.shipping.ShippingRule.ORDER_REQUIRED;
import static dev.ordo.marketplace.shipping.ShippingRule.SHIPMENT_CANCELLED;
import static dev.ordo.marketplace.shipping.ShippingRule.SHIPMENT_ID_MISMATCH;
import static dev.ordo.marketplace.shipping.ShippingRule.SHIPMENT_ID_REQUIRED;
import static dev.ordo.marketplace.shipping.ShippingRule.TIMESTAMP_REQUIRED;

import dev.ordo.core.decider.Decider;

import java.util.List;
import java.util.Objects;

/**
 * A shipment as a pure {@link Decider}. {@code CreateShipment} books the parcel with the carrier
 * {@link Carriers#carrierFor} picks and a tracking number derived from the shipment id, so the same shipment always
 * gets the same number; creating it again records nothing. {@code CancelShipment} cancels a booked shipment; on a
 * shipment that was never booked or is already cancelled it records nothing (a compensation may always cancel).
 * Stateless and thread-safe.
 */
public final class ShipmentDecider implements Decider<ShipmentCommand, Shipment, ShipmentEvent> {

    @Override
    public Shipment initialState() {
        return new Shipment.None();
    }

    /** @throws ShippingRuleViolation when the command breaks a rule */
    @Override
    public List<ShipmentEvent> decide(ShipmentCommand command, Shipment state) {
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(state, "state");
        return switch (command) {
            case CreateShipment create -> create(create, state);
            case CancelShipment cancel -> cancel(cancel, state);
        };
    }

    @Override
    public Shipment evolve(Shipment state, ShipmentEvent event) {
        return switch (event) {
            case ShipmentCreated c -> new Shipment.Created(c.shipmentId(), c.orderId(), c.address(), c.carrier(),
                    c.trackingNumber(), c.createdAt());
            case ShipmentCancelled c -> switch (state) {
                case Shipment.Created created -> new Shipment.Cancelled(created, c.reason(), c.cancelledAt());
                case Shipment.None none -> throw new IllegalStateException("shipment " + c.shipmentId()
                        + " cancelled before it was created; the stream is corrupt");
                case Shipment.Cancelled cancelled -> throw new IllegalStateException("shipment " + c.shipmentId()
                        + " cancelled twice; the stream is corrupt");
            };
        };
    }

    private static List<ShipmentEvent> create(CreateShipment create, Shipment state) {
        if (create.shipmentId() == null) {
            throw new ShippingRuleViolation(SHIPMENT_ID_REQUIRED, state, "a shipment needs an id");
        }
        if (create.orderId() == null) {
            throw new ShippingRuleViolation(ORDER_REQUIRED, state, "a shipment names the order it ships");
        }
        if (create.address() == null || !create.address().missingFields().isEmpty()) {
            throw new ShippingRuleViolation(ADDRESS_REQUIRED, state, "the address is incomplete: missing "
                    + (create.address() == null ? "all fields" : create.address().missingFields()));
        }
        if (create.createdAt() == null) {
            throw new ShippingRuleViolation(TIMESTAMP_REQUIRED, state, "createdAt is required");
        }
        return switch (state) {
            case Shipment.None none -> {
                String carrier = Carriers.carrierFor(create.address());
                yield List.of(new ShipmentCreated(create.shipmentId(), create.orderId(), create.address(), carrier,
                        Carriers.trackingNumber(carrier, create.shipmentId()), create.createdAt()));
            }
            case Shipment.Created created -> {
                if (!created.shipmentId().equals(create.shipmentId())) {
                    throw new ShippingRuleViolation(SHIPMENT_ID_MISMATCH, state, "this stream holds shipment "
                            + created.shipmentId() + ", not " + create.shipmentId());
                }
                yield List.of();
            }
            case Shipment.Cancelled cancelled -> throw new ShippingRuleViolation(SHIPMENT_CANCELLED, state,
                    "shipment " + cancelled.shipment().shipmentId() + " was cancelled: " + cancelled.reason());
        };
    }

    private static List<ShipmentEvent> cancel(CancelShipment cancel, Shipment state) {
        if (cancel.reason() == null || cancel.reason().isBlank()) {
            throw new ShippingRuleViolation(CANCELLATION_REASON_REQUIRED, state, "a cancellation needs a reason");
        }
        if (cancel.cancelledAt() == null) {
            throw new ShippingRuleViolation(TIMESTAMP_REQUIRED, state, "cancelledAt is required");
        }
        return switch (state) {
            case Shipment.Created created -> List.of(new ShipmentCancelled(created.shipmentId(), cancel.reason(),
                    cancel.cancelledAt()));
            case Shipment.None none -> List.of();
            case Shipment.Cancelled cancelled -> List.of();
        };
    }
}
