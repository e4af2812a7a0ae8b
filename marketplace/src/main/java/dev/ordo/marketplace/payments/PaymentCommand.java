package dev.ordo.marketplace.payments;

import dev.ordo.marketplace.shared.Money;
import dev.ordo.marketplace.shared.OrderId;
import java.time.Instant;

/**
 * Records what the payment provider did for a payment of an order, decided by {@link PaymentDecider} on the stream
 * {@code StreamId.of("payment", orderId)}. Recording the same outcome twice records nothing the second time.
 */
public sealed interface PaymentCommand {

    /** The order whose payments these are. */
    OrderId orderId();

    /** The payment. */
    String paymentId();

    /** The provider approved the authorization. */
    record RecordAuthorization(OrderId orderId, String paymentId, Money amount, String method, String reference,
                               Instant at) implements PaymentCommand {
    }

    /** The provider declined the authorization. */
    record RecordDecline(OrderId orderId, String paymentId, Money amount, String method, String reason, Instant at)
            implements PaymentCommand {
    }

    /** The provider captured the authorized amount. */
    record RecordCapture(OrderId orderId, String paymentId, Instant at) implements PaymentCommand {
    }

    /**
     * The provider refunded the payment (or voided its authorization).
     *
     * @param amount what the provider gave back; used when the stream never learnt of the payment (the refund of a
     *               call whose outcome was unknown)
     */
    record RecordRefund(OrderId orderId, String paymentId, Money amount, Instant at) implements PaymentCommand {
    }
}
