package dev.ordo.marketplace.payments;

import dev.ordo.core.event.EventType;
import dev.ordo.marketplace.shared.Money;
import dev.ordo.marketplace.shared.OrderId;
import java.time.Instant;

/** What happened to a payment of an order, stored under stable names ({@code payment.authorized}, ...). */
public sealed interface PaymentEvent {

    OrderId orderId();

    String paymentId();

    @EventType("payment.authorized")
    record PaymentAuthorized(OrderId orderId, String paymentId, Money amount, String method, String reference,
                             Instant authorizedAt) implements PaymentEvent {
    }

    @EventType("payment.declined")
    record PaymentDeclined(OrderId orderId, String paymentId, Money amount, String method, String reason,
                           Instant declinedAt) implements PaymentEvent {
    }

    @EventType("payment.captured")
    record PaymentCaptured(OrderId orderId, String paymentId, Money amount, Instant capturedAt)
            implements PaymentEvent {
    }

    @EventType("payment.refunded")
    record PaymentRefunded(OrderId orderId, String paymentId, Money amount, Instant refundedAt)
            implements PaymentEvent {
    }
}
