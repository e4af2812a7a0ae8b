package dev.ordo.marketplace.ordering;

import dev.ordo.core.decider.Decider;
import dev.ordo.core.event.EventType;
import dev.ordo.marketplace.shared.Address;
import dev.ordo.marketplace.shared.Money;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The order lifecycle as a pure {@link Decider}: one stream per order ({@code StreamId.of("order", orderId)}).
 *
 * <p>{@link #decide} returns the events a command produces, or throws an {@link OrderRuleViolation} naming the
 * broken {@link OrderRule} and the order's status; it never reads a clock. A command on a stream without an order is
 * refused with {@code order-not-found}, except {@link PlaceOrder}. Checks run in a fixed order: first whether the
 * command is allowed in the order's current status, then the command's own content, field by field, so the rule
 * reported for a command that breaks several is predictable. Every accepted command produces exactly one event, except
 * {@link ChangeShippingAddress} to the current address, which is accepted and produces none.
 *
 * <p>{@link #evolve} accepts every event {@link #decide} can produce in the state it was decided in, and throws
 * {@link IllegalStateException} for an event that cannot follow the state (a corrupt stream).
 *
 * <p>Stateless and thread-safe; one instance can serve every order.
 */
public final class OrderDecider implements Decider<OrderCommand, Order, OrderEvent> {

    /** A stream with no events holds {@link Order.NoOrder}. */
    @Override
    public Order initialState() {
        return new Order.NoOrder();
    }

    /**
     * @throws OrderRuleViolation  when the command breaks a rule
     * @throws NullPointerException when the command or the state is null
     */
    @Override
    public List<OrderEvent> decide(OrderCommand command, Order state) {
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(state, "state");
        return switch (command) {
            case PlaceOrder place -> List.of(Placement.place(place, state));
            case AddItem add -> List.of(ItemChanges.add(add, Checks.existing(state)));
            case RemoveItem remove -> List.of(ItemChanges.remove(remove, Checks.existing(state)));
            case ChangeShippingAddress change -> Lifecycle.changeAddress(change, Checks.existing(state));
            case PayOrder pay -> List.of(Lifecycle.pay(pay, Checks.existing(state)));
            case ShipOrder ship -> List.of(Lifecycle.ship(ship, Checks.existing(state)));
            case DeliverOrder deliver -> List.of(Lifecycle.deliver(deliver, Checks.existing(state)));
            case CancelOrder cancel -> List.of(Lifecycle.cancel(cancel, Checks.existing(state)));
        };
    }

    /** @throws IllegalStateException when the event cannot follow the state */
    @Override
    public Order evolve(Order state, OrderEvent event) {
        return switch (event) {
            case OrderPlaced(var orderId, var customerId, var lines, var address, var total, var placedAt) -> {
                expect(Order.NoOrder.class, state, event);
                yield new Order.Pending(new OrderDetails(orderId, customerId, lines, address, total, placedAt));
            }
            case ItemAdded(var orderId, var productId, var name, var added, var unitPrice, int lineQuantity,
                           Money orderTotal, var addedAt) -> {
                Order.Pending pending = expect(Order.Pending.class, state, event);
                yield pending.withDetails(pending.details()
                        .withLineQuantity(productId, name, unitPrice, lineQuantity, orderTotal));
            }
            case ItemRemoved(var orderId, var productId, var removed, int lineQuantity, Money orderTotal,
                             var removedAt) -> {
                Order.Pending pending = expect(Order.Pending.class, state, event);
                OrderLine line = pending.details().line(productId).orElseThrow(() -> new IllegalStateException(
                        "event 'order.item-removed' names product " + productId + ", which is not on order "
                                + orderId + "; the stream is corrupt"));
                yield pending.withDetails(pending.details()
                        .withLineQuantity(productId, line.productName(), line.unitPrice(), lineQuantity, orderTotal));
            }
            case ShippingAddressChanged(var orderId, Address address, var changedAt) -> {
                Order.Placed placed = expect(Order.Placed.class, state, event);
                yield placed.withDetails(placed.details().withShippingAddress(address));
            }
            case OrderPaid(var orderId, Money amount, PaymentMethod method, String reference, Instant paidAt) ->
                    new Order.Paid(expect(Order.Pending.class, state, event).details(),
                            new Payment(amount, method, reference, paidAt));
            case OrderShipped(var orderId, String trackingNumber, String carrier, Instant shippedAt) -> {
                Order.Paid paid = expect(Order.Paid.class, state, event);
                yield new Order.Shipped(paid.details(), paid.payment(),
                        new ShipmentDetails(trackingNumber, carrier, shippedAt));
            }
            case OrderDelivered(var orderId, Instant deliveredAt) -> {
                Order.Shipped shipped = expect(Order.Shipped.class, state, event);
                yield new Order.Delivered(shipped.details(), shipped.payment(), shipped.shipment(), deliveredAt);
            }
            case OrderCancelled(var orderId, String reason, OrderStatus cancelledFrom, Instant cancelledAt) ->
                    new Order.Cancelled(expect(Order.Placed.class, state, event).details(), cancelledFrom, reason,
                            cancelledAt);
        };
    }

    /**
     * The total of an order of these lines, checked by the rules that placing it would apply to them (at least one
     * line, one currency, one line per product, valid quantities and prices): for quoting an order before it is placed.
     *
     * @throws OrderRuleViolation naming the first rule the lines break
     */
    public static Money totalOf(List<OrderLine> lines) {
        return Placement.checkLines(lines);
    }

    private static <T extends Order> T expect(Class<T> type, Order state, OrderEvent event) {
        if (type.isInstance(state)) {
            return type.cast(state);
        }
        String current = state instanceof Order.Placed placed ? "an order in status " + placed.status() : "no order";
        throw new IllegalStateException("event '" + event.getClass().getAnnotation(EventType.class).value()
                + "' cannot follow " + current + " in stream of order " + event.orderId() + "; the stream is corrupt");
    }
}
