package dev.ordo.marketplace.fulfilment.app;


import dev.ordo.core.bus.command.CommandBus;
import dev.ordo.marketplace.fulfilment.CancellationReasons;
import dev.ordo.marketplace.fulfilment.FulfilmentData;
import dev.ordo.marketplace.ordering.CancelOrder;
import dev.ordo.marketplace.ordering.Order;
import dev.ordo.marketplace.ordering.OrderDetails;
import dev.ordo.marketplace.ordering.OrderRule;
import dev.ordo.marketplace.ordering.OrderRuleViolation;
import dev.ordo.marketplace.ordering.PayOrder;
import dev.ordo.marketplace.ordering.PaymentMethod;
import dev.ordo.marketplace.ordering.ShipOrder;
import dev.ordo.marketplace.ordering.app.OrderService;
import dev.ordo.saga.NonRetryableStepException;
import dev.ordo.saga.StepContext;
import dev.ordo.saga.StepOutcome;
import java.time.Clock;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fulfilment saga's steps on the order itself, through the command bus: accepting it (whose compensation,
 * the saga's last, cancels the order with the reason the saga failed), recording its payment and its shipment. A
 * repeated command finds the order already changed by this saga (same payment reference, same tracking number) and
 * counts as done. Thread-safe.
 */
final class OrderSteps {

    private static final Logger log = LoggerFactory.getLogger(OrderSteps.class);
    private static final Set<String> NOTHING_TO_CANCEL = Set.of(OrderRule.ORDER_ALREADY_CANCELLED.id(),
            OrderRule.CANCEL_NOT_AFTER_DELIVERY.id());

    private final CommandBus commands;
    private final OrderService orders;
    private final Clock clock;

    OrderSteps(CommandBus commands, OrderService orders, Clock clock) {
        this.commands = commands;
        this.orders = orders;
        this.clock = clock;
    }

    /** Takes the order's lines, total and address as they are now; only a PENDING order is fulfilled. */
    StepOutcome<FulfilmentData> accept(StepContext<FulfilmentData> context) {
        Order order = orders.streams().load(context.data().orderId()).state();
        if (!(order instanceof Order.Pending pending)) {
            throw new NonRetryableStepException("order " + context.data().orderId() + " is "
                    + (order instanceof Order.Placed placed ? placed.status() : "unknown") + ", not PENDING");
        }
        OrderDetails details = pending.details();
        return StepOutcome.done(d -> d.accepted(details.customerId(), details.lines().stream()
                        .map(l -> new FulfilmentData.Line(l.productId(), l.productName(), l.quantity())).toList(),
                details.total(), details.shippingAddress()));
    }

    /**
     * Cancels the order, saying why the fulfilment failed; an order already cancelled or delivered is left alone. Like
     * every compensation it may run although its step's action failed: an order this saga never accepted is
     * cancelled only while it is still PENDING (an order accepted elsewhere, paid or shipped by hand, is not this
     * saga's to cancel).
     */
    FulfilmentData cancel(StepContext<FulfilmentData> context) {
        FulfilmentData data = context.data();
        boolean accepted = data.customerId() != null;
        if (!accepted && !(orders.streams().load(data.orderId()).state() instanceof Order.Pending)) {
            log.info("order {} was not accepted by its fulfilment and is not pending: nothing to cancel",
                    data.orderId());
            return null;
        }
        String reason = CancellationReasons.from(context.failure());
        try {
            commands.dispatch(OrderService.ORDERS.command(data.orderId(), new CancelOrder(reason, clock.instant())),
                    context.metadata());
            // the reason may quote what a customer or an operator wrote: it stays on the order, out of the INFO log
            log.info("cancelled order {} (the reason is on the order)", data.orderId());
        } catch (OrderRuleViolation v) {
            if (!NOTHING_TO_CANCEL.contains(v.rule())) {
                throw v;
            }
            log.info("order {} needs no cancellation: {}", data.orderId(), v.getMessage());
        }
        return null;
    }

    /** Records the payment on the order; done already when the order is paid with this payment's reference. */
    StepOutcome<FulfilmentData> recordPayment(StepContext<FulfilmentData> context) {
        FulfilmentData data = context.data();
        try {
            commands.dispatch(OrderService.ORDERS.command(data.orderId(), new PayOrder(data.total(),
                    PaymentMethod.CARD, data.paymentReference(), clock.instant())), context.metadata());
        } catch (OrderRuleViolation v) {
            if (!paidWith(data)) {
                throw new NonRetryableStepException("the payment could not be recorded on the order: "
                        + v.getMessage(), v);
            }
        }
        return StepOutcome.done();
    }

    /** Records the shipment on the order; done already when the order was shipped with this tracking number. */
    StepOutcome<FulfilmentData> ship(StepContext<FulfilmentData> context) {
        FulfilmentData data = context.data();
        try {
            commands.dispatch(OrderService.ORDERS.command(data.orderId(), new ShipOrder(data.trackingNumber(),
                    data.carrier(), clock.instant())), context.metadata());
        } catch (OrderRuleViolation v) {
            if (!shippedWith(data)) {
                throw new NonRetryableStepException("the order could not be shipped: " + v.getMessage(), v);
            }
        }
        return StepOutcome.done();
    }

    private boolean paidWith(FulfilmentData data) {
        return switch (orders.streams().load(data.orderId()).state()) {
            case Order.Paid paid -> paid.payment().reference().equals(data.paymentReference());
            case Order.Shipped shipped -> shipped.payment().reference().equals(data.paymentReference());
            case Order.Delivered delivered -> delivered.payment().reference().equals(data.paymentReference());
            case Order.Pending pending -> false;
            case Order.Cancelled cancelled -> false;
            case Order.NoOrder none -> false;
        };
    }

    private boolean shippedWith(FulfilmentData data) {
        return switch (orders.streams().load(data.orderId()).state()) {
            case Order.Shipped shipped -> shipped.shipment().trackingNumber().equals(data.trackingNumber());
            case Order.Delivered delivered -> delivered.shipment().trackingNumber().equals(data.trackingNumber());
            case Order.Pending pending -> false;
            case Order.Paid paid -> false;
            case Order.Cancelled cancelled -> false;
            case Order.NoOrder none -> false;
        };
    }
}
