package dev.ordo.marketplace.payments;

import dev.ordo.core.event.EventType;
import dev.ordo.marketplace.shared.Money;
import dev.ordo.marketplace.shared.OrderId;
import java.time.Instant;

@EventType("payment.refunded")
public record PaymentRefunded(OrderId orderId, String paymentId, Money amount, Instant refundedAt)
        implements PaymentEvent {
}
