package dev.ordo.marketplace.fulfilment.app;

import static dev.ordo.marketplace.fulfilment.FulfilmentIds.actionInvocationId;

import dev.ordo.marketplace.fulfilment.CancellationReasons;
import dev.ordo.marketplace.fulfilment.FulfilmentData;
import dev.ordo.marketplace.fulfilment.FulfilmentIds;
import dev.ordo.marketplace.inventory.OrderStockReserved;
import dev.ordo.marketplace.inventory.ReleaseOrderStock;
import dev.ordo.marketplace.inventory.ReserveOrderStock;
import dev.ordo.marketplace.inventory.ShipOrderStock;
import dev.ordo.marketplace.notifications.NotificationKind;
import dev.ordo.marketplace.notifications.SendNotification;
import dev.ordo.marketplace.shared.ProductId;
import dev.ordo.marketplace.shipping.CancelBooking;
import dev.ordo.marketplace.shipping.CreateShipment;
import dev.ordo.marketplace.shipping.ShipmentBooked;
import dev.ordo.saga.StepContext;
import java.time.Clock;
import java.util.List;

/**
 * The requests the fulfilment saga sends to stock, shipping and notifications by message ({@link FulfilmentRequests};
 * the order's own steps are in {@link OrderSteps}, the payment's in {@link PaymentStep}). Every id a participant sees
 * comes from the step's invocation id (the reservation, shipment or notification id), so a retried or resumed step
 * never reserves, ships or notifies twice. An action never undoes its own work when it fails: the saga compensates
 * every step it attempted (ADR 16), so each compensation accepts "nothing to undo" (a release of a reservation that
 * was never made, a cancellation of a shipment never booked) and leaves the participant's fence for the id, so that
 * an action arriving late with it is refused. Thread-safe.
 */
final class FulfilmentSteps {

    private final Clock clock;

    FulfilmentSteps(Clock clock) {
        this.clock = clock;
    }

    /** The request that reserves every line under one reservation id: the step's invocation id. */
    ReserveOrderStock reserveRequest(StepContext<FulfilmentData> context) {
        return new ReserveOrderStock(context.invocationId(), context.data().lines().stream()
                .map(line -> new ReserveOrderStock.Line(line.productId(), line.productName(), line.quantity()))
                .toList(), clock.instant());
    }

    /** The saga's data once every line is reserved. */
    static FulfilmentData reserved(FulfilmentData data, OrderStockReserved reservation) {
        return data.reserved(reservation.reservationId());
    }

    /** The request that releases the reservation on every line, from the compensation's context. */
    ReleaseOrderStock releaseRequest(StepContext<FulfilmentData> context) {
        return new ReleaseOrderStock(actionInvocationId(context.invocationId()), productsOf(context.data()),
                clock.instant());
    }

    /**
     * The request that books the parcel, sent to shipping by message; the shipment id comes from the invocation id, so
     * a request sent again books the same parcel.
     */
    CreateShipment shipmentRequest(StepContext<FulfilmentData> context) {
        FulfilmentData data = context.data();
        return new CreateShipment(FulfilmentIds.uuidOf(context.invocationId()), data.orderId(), data.address(),
                clock.instant());
    }

    /** The saga's data once shipping booked the parcel. */
    static FulfilmentData booked(FulfilmentData data, ShipmentBooked booking) {
        return data.booked(booking.shipmentId(), booking.carrier(), booking.trackingNumber());
    }

    /** The request that cancels the booking, with the reason the saga failed (cancelling none changes nothing). */
    CancelBooking cancelRequest(StepContext<FulfilmentData> context) {
        return new CancelBooking(FulfilmentIds.uuidOf(actionInvocationId(context.invocationId())),
                CancellationReasons.from(context.failure()), clock.instant());
    }

    /** The notification that tells the customer the order is on its way; its id comes from the invocation id. */
    SendNotification confirmation(StepContext<FulfilmentData> context) {
        FulfilmentData data = context.data();
        return new SendNotification(FulfilmentIds.uuidOf(context.invocationId()), data.customerId(), data.orderId(),
                NotificationKind.ORDER_CONFIRMED, "Order " + data.orderId() + " is confirmed: " + data.total()
                + " paid, on its way with " + data.carrier() + " (tracking number " + data.trackingNumber() + ").",
                clock.instant());
    }

    /** The request that takes the reserved units out of the stock: they left with the parcel. */
    ShipOrderStock shipStockRequest(StepContext<FulfilmentData> context) {
        return new ShipOrderStock(context.data().reservationId(), productsOf(context.data()), clock.instant());
    }

    private static List<ProductId> productsOf(FulfilmentData data) {
        return data.lines().stream().map(FulfilmentData.Line::productId).distinct().toList();
    }
}
