package dev.ordo.marketplace.payments;

import dev.ordo.marketplace.shared.OrderId;

/**
 * Records what the payment provider did for a payment of an order, decided by {@link PaymentDecider} on the stream
 * {@code StreamId.of("payment", orderId)}. Recording the same outcome twice records nothing the second time.
 */
public sealed interface PaymentCommand permits RecordAuthorization, RecordDecline, RecordCapture, RecordRefund {

    /** The order whose payments these are. */
    OrderId orderId();

    /** The payment. */
    String paymentId();
}
