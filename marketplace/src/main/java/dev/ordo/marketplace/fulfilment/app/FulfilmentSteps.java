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
import dev.ordo.marketplace.payments.PaymentDeclinedException;
import dev.ordo.marketplace.payments.PaymentProviderUnavailableException;
import dev.ordo.marketplace.payments.PaymentStatus;
import dev.ordo.marketplace.payments.app.Charge;
import dev.ordo.marketplace.payments.app.PaymentService;
import dev.ordo.marketplace.shared.OrderId;
import dev.ordo.marketplace.shared.ProductId;
import dev.ordo.marketplace.shipping.CancelBooking;
import dev.ordo.marketplace.shipping.CreateShipment;
import dev.ordo.marketplace.shipping.ShipmentBooked;
import dev.ordo.saga.NonRetryableStepException;
import dev.ordo.saga.StepContext;
import dev.ordo.saga.StepOutcome;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The actions and compensations of the fulfilment saga that involve stock, payment, shipping and notifications
 * (the order's own steps are in {@link OrderSteps}). The payment is taken in this process through the
 * {@link PaymentService}; stock, shipping and notifications are asked by message ({@link FulfilmentRequests}): this
 * class builds those requests. Every id a participant sees comes from the step's invocation id (the reservation,
 * payment, shipment or notification id), so a retried or resumed step never reserves, charges, ships or notifies twice.
 * An action never undoes its own work when it fails: the saga compensates every step it attempted (ADR 16), so each
 * compensation accepts "nothing to undo" (a release of a reservation that was never made, a refund of a payment that
 * was never taken, a cancellation of a shipment never booked) and leaves the participant's fence for the id, so that
 * an action arriving late with it is refused. Thread-safe.
 */
final class FulfilmentSteps {

    private static final Logger log = LoggerFactory.getLogger(FulfilmentSteps.class);

    /** Every order is paid by card: the marketplace has no checkout yet where a customer could choose. */
    static final String PAYMENT_METHOD = "CARD";

    private final PaymentService payments;
    private final Clock clock;

    FulfilmentSteps(PaymentService payments, Clock clock) {
        this.payments = payments;
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

    /** Authorizes and captures the order's total; a decline fails the step for good. */
    StepOutcome<FulfilmentData> takePayment(StepContext<FulfilmentData> context) {
        String paymentId = context.invocationId();
        FulfilmentData data = context.data();
        try {
            Charge charge = payments.charge(data.orderId(), paymentId, data.total(), PAYMENT_METHOD, context.metadata());
            return StepOutcome.done(d -> d.paid(paymentId, charge.reference()));
        } catch (PaymentDeclinedException declined) {
            throw new NonRetryableStepException("payment declined: " + declined.getMessage(), declined);
        }
    }

    /**
     * Refunds the payment, or voids it at the provider when nothing was captured. When the provider cannot be reached
     * and the payment was never recorded as authorized, nothing was taken (the payment service asks for a capture
     * only after it recorded the authorization, and the saga engine waits for an abandoned charge to stop before it
     * compensates), so there is nothing to give back; an authorization the provider may hold lapses there.
     *
     * @throws PaymentProviderUnavailableException when the provider cannot be reached and money may have been taken:
     *                                             retried, then parked for an operator
     */
    FulfilmentData refundPayment(StepContext<FulfilmentData> context) {
        OrderId orderId = context.data().orderId();
        String paymentId = actionInvocationId(context.invocationId());
        try {
            payments.refund(orderId, paymentId, context.metadata())
                    .ifPresent(amount -> log.info("refunded {} for order {}", amount, orderId));
        } catch (PaymentProviderUnavailableException unavailable) {
            if (mayHoldMoney(orderId, paymentId)) {
                throw unavailable;
            }
            log.warn("payment {} of order {} holds no money and the provider cannot be reached to void it ({}): "
                    + "nothing to refund", paymentId, orderId, unavailable.getMessage());
        }
        return null;
    }

    /** Whether the payment was recorded as authorized or captured (and not refunded since). */
    private boolean mayHoldMoney(OrderId orderId, String paymentId) {
        return payments.load(orderId).state().payment(paymentId)
                .map(p -> p.status() == PaymentStatus.AUTHORIZED || p.status() == PaymentStatus.CAPTURED)
                .orElse(false);
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
