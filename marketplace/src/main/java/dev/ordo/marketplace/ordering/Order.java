package dev.ordo.marketplace.ordering;

import java.time.Instant;

/**
 * The state of an order stream: either no order yet, or a placed order in one of its lifecycle states.
 *
 * <p>Each lifecycle state is its own record holding only what exists in that state (a {@link Paid} order has a
 * {@link Payment}, a {@link Shipped} one also {@link ShipmentDetails}), so code that switches over the states cannot
 * read a payment that does not exist. Built only by {@link OrderDecider#evolve}; immutable.
 */
public sealed interface Order permits Order.NoOrder, Order.Placed {

    /** The state of a stream with no events: nothing has been ordered. */
    record NoOrder() implements Order {
    }

    /** An order that was placed, in whatever state it is now. */
    sealed interface Placed extends Order permits Pending, Paid, Shipped, Delivered, Cancelled {

        /** Who ordered what, where it goes and what it costs. */
        OrderDetails details();

        /** The lifecycle status matching this state record. */
        OrderStatus status();

        /** The same state with other details. */
        Placed withDetails(OrderDetails details);
    }

    /** Placed, not paid yet: items and address may change. */
    record Pending(OrderDetails details) implements Placed {

        @Override
        public OrderStatus status() {
            return OrderStatus.PENDING;
        }

        @Override
        public Pending withDetails(OrderDetails newDetails) {
            return new Pending(newDetails);
        }
    }

    /** Paid in full, waiting for shipment. */
    record Paid(OrderDetails details, Payment payment) implements Placed {

        @Override
        public OrderStatus status() {
            return OrderStatus.PAID;
        }

        @Override
        public Paid withDetails(OrderDetails newDetails) {
            return new Paid(newDetails, payment);
        }
    }

    /** With the carrier. */
    record Shipped(OrderDetails details, Payment payment, ShipmentDetails shipment) implements Placed {

        @Override
        public OrderStatus status() {
            return OrderStatus.SHIPPED;
        }

        @Override
        public Shipped withDetails(OrderDetails newDetails) {
            return new Shipped(newDetails, payment, shipment);
        }
    }

    /** Received by the customer; final. */
    record Delivered(OrderDetails details, Payment payment, ShipmentDetails shipment, Instant deliveredAt)
            implements Placed {

        @Override
        public OrderStatus status() {
            return OrderStatus.DELIVERED;
        }

        @Override
        public Delivered withDetails(OrderDetails newDetails) {
            return new Delivered(newDetails, payment, shipment, deliveredAt);
        }
    }

    /**
     * Cancelled before delivery; final.
     *
     * @param cancelledFrom the status just before the cancellation ({@code PAID} or {@code SHIPPED}: refund due)
     */
    record Cancelled(OrderDetails details, OrderStatus cancelledFrom, String reason, Instant cancelledAt)
            implements Placed {

        @Override
        public OrderStatus status() {
            return OrderStatus.CANCELLED;
        }

        @Override
        public Cancelled withDetails(OrderDetails newDetails) {
            return new Cancelled(newDetails, cancelledFrom, reason, cancelledAt);
        }
    }
}
