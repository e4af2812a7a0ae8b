package dev.ordo.marketplace.fulfilment;

import dev.ordo.marketplace.shared.Address;
import dev.ordo.marketplace.shared.CustomerId;
import dev.ordo.marketplace.shared.Money;
import dev.ordo.marketplace.shared.OrderId;
import dev.ordo.marketplace.shared.ProductId;
import java.util.List;
import java.util.UUID;

/**
 * What the fulfilment saga knows about its order, filled in step by step and stored in the saga's events. Immutable.
 *
 * @param lines            what to reserve; set when the order is accepted
 * @param paymentReference the provider's reference; set when the payment is taken
 * @param trackingNumber   the carrier's tracking number; set when the shipment is created
 */
public record FulfilmentData(OrderId orderId, CustomerId customerId, List<Line> lines, Money total, Address address,
                             String reservationId, String paymentId, String paymentReference, UUID shipmentId,
                             String carrier, String trackingNumber) {

    public FulfilmentData {
        lines = lines == null ? List.of() : List.copyOf(lines);
    }

    /** One product to reserve. */
    public record Line(ProductId productId, String productName, int quantity) {
    }

    /** The data a saga starts with: only the order. */
    public static FulfilmentData of(OrderId orderId) {
        return new FulfilmentData(orderId, null, List.of(), null, null, null, null, null, null, null, null);
    }

    public FulfilmentData accepted(CustomerId customer, List<Line> orderLines, Money orderTotal, Address to) {
        return new FulfilmentData(orderId, customer, orderLines, orderTotal, to, reservationId, paymentId,
                paymentReference, shipmentId, carrier, trackingNumber);
    }

    public FulfilmentData reserved(String reservation) {
        return new FulfilmentData(orderId, customerId, lines, total, address, reservation, paymentId, paymentReference,
                shipmentId, carrier, trackingNumber);
    }

    public FulfilmentData paid(String payment, String reference) {
        return new FulfilmentData(orderId, customerId, lines, total, address, reservationId, payment, reference,
                shipmentId, carrier, trackingNumber);
    }

    public FulfilmentData booked(UUID shipment, String shipmentCarrier, String tracking) {
        return new FulfilmentData(orderId, customerId, lines, total, address, reservationId, paymentId,
                paymentReference, shipment, shipmentCarrier, tracking);
    }
}
