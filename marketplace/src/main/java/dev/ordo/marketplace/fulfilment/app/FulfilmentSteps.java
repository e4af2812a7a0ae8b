package dev.ordo.marketplace.fulfilment.app;

import static dev.ordo.marketplace.fulfilment.FulfilmentIds.actionInvocationId;

import dev.ordo.core.bus.command.CommandBus;
import dev.ordo.marketplace.fulfilment.CancellationReasons;
import dev.ordo.marketplace.fulfilment.FulfilmentData;
import dev.ordo.marketplace.fulfilment.FulfilmentIds;
import dev.ordo.marketplace.inventory.InventoryRule;
import dev.ordo.marketplace.inventory.InventoryRuleViolation;
import dev.ordo.marketplace.inventory.ReleaseReservation;
import dev.ordo.marketplace.inventory.ReserveStock;
import dev.ordo.marketplace.inventory.ShipReservation;
import dev.ordo.marketplace.inventory.app.InventoryService;
import dev.ordo.marketplace.notifications.NotificationKind;
import dev.ordo.marketplace.notifications.SendNotification;
import dev.ordo.marketplace.notifications.app.NotificationService;
import dev.ordo.marketplace.payments.PaymentDeclinedException;
import dev.ordo.marketplace.payments.PaymentProviderUnavailableException;
import dev.ordo.marketplace.payments.PaymentStatus;
import dev.ordo.marketplace.payments.app.Charge;
import dev.ordo.marketplace.payments.app.PaymentService;
import dev.ordo.marketplace.shared.OrderId;
import dev.ordo.marketplace.shipping.CancelShipment;
import dev.ordo.marketplace.shipping.CreateShipment;
import dev.ordo.marketplace.shipping.ShipmentBooked;
import dev.ordo.marketplace.shipping.app.ShippingService;
import dev.ordo.saga.NonRetryableStepException;
import dev.ordo.saga.StepContext;
import dev.ordo.saga.StepOutcome;
import java.time.Clock;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The actions and compensations of the fulfilment saga that involve stock, payment, shipping and notifications
 * (the order's own steps are in {@link OrderSteps}). Each is idempotent by the step's invocation id, which is the
 * reservation, payment, shipment or notification id, so a retried or resumed step never reserves, charges, ships or
 * notifies twice. An action never undoes its own work when it fails: the saga compensates every step it attempted
 * (ADR 16), so each compensation accepts "nothing to undo" (a release of a reservation that was never made, a refund
 * of a payment that was never taken, a cancellation of a shipment never booked) and leaves the participant's fence
 * for the id, so that an action arriving late with it is refused. Thread-safe.
 */
final class FulfilmentSteps {

    private static final Logger log = LoggerFactory.getLogger(FulfilmentSteps.class);

    /** Every order is paid by card: the marketplace has no checkout yet where a customer could choose. */
    static final String PAYMENT_METHOD = "CARD";

    private final CommandBus commands;
    private final PaymentService payments;
    private final Clock clock;

    FulfilmentSteps(CommandBus commands, PaymentService payments, Clock clock) {
        this.commands = commands;
        this.payments = payments;
        this.clock = clock;
    }

    /**
     * Reserves every line under one reservation id; refuses the whole order when a product runs short. Lines reserved
     * before a shortage stay reserved until the step's compensation releases them.
     */
    StepOutcome<FulfilmentData> reserveStock(StepContext<FulfilmentData> context) {
        String reservation = context.invocationId();
        for (FulfilmentData.Line line : context.data().lines()) {
            try {
                commands.dispatch(InventoryService.STOCK.command(line.productId(), new ReserveStock(reservation,
                        line.quantity(), clock.instant())), context.metadata());
            } catch (InventoryRuleViolation v) {
                if (!v.rule().equals(InventoryRule.INSUFFICIENT_STOCK.id())) {
                    throw v;
                }
                throw new NonRetryableStepException("insufficient stock for " + line.productName() + ": "
                        + (v.available() == null ? 0 : v.available()) + " available, " + line.quantity()
                        + " requested");
            }
        }
        return StepOutcome.done(d -> d.reserved(reservation));
    }

    /** Releases the reservation on every line; releasing what was never reserved (or was released) changes nothing. */
    FulfilmentData releaseStock(StepContext<FulfilmentData> context) {
        String reservation = actionInvocationId(context.invocationId());
        for (FulfilmentData.Line line : context.data().lines()) {
            commands.dispatch(InventoryService.STOCK.command(line.productId(), new ReleaseReservation(reservation,
                    clock.instant())), context.metadata());
        }
        return null;
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

    /** Cancels the booking (cancelling one that was never made changes nothing). */
    FulfilmentData cancelShipment(StepContext<FulfilmentData> context) {
        UUID shipmentId = FulfilmentIds.uuidOf(actionInvocationId(context.invocationId()));
        commands.dispatch(ShippingService.SHIPMENTS.command(shipmentId, new CancelShipment(
                CancellationReasons.from(context.failure()), clock.instant())), context.metadata());
        return null;
    }

    /**
     * Tells the customer the order is on its way, then takes the reserved units out of the stock (they left with the
     * shipment). In this order, so that if the step fails for good the reservation is still open and the compensation
     * releases it; both commands are idempotent, so a retried step notifies and ships once.
     */
    StepOutcome<FulfilmentData> confirm(StepContext<FulfilmentData> context) {
        FulfilmentData data = context.data();
        commands.dispatch(NotificationService.request(new SendNotification(FulfilmentIds.uuidOf(context.invocationId()),
                data.customerId(), data.orderId(), NotificationKind.ORDER_CONFIRMED, "Order " + data.orderId()
                + " is confirmed: " + data.total() + " paid, on its way with " + data.carrier()
                + " (tracking number " + data.trackingNumber() + ").", clock.instant())), context.metadata());
        for (FulfilmentData.Line line : data.lines()) {
            commands.dispatch(InventoryService.STOCK.command(line.productId(), new ShipReservation(data.reservationId(),
                    clock.instant())), context.metadata());
        }
        return StepOutcome.done();
    }
}
