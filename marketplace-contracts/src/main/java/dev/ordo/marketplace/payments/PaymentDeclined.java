package dev.ordo.marketplace.payments;

import dev.ordo.core.event.EventType;
import dev.ordo.marketplace.shared.Money;
import dev.ordo.marketplace.shared.OrderId;
import java.time.Instant;

@EventType("payment.declined")
public record PaymentDeclined(OrderId orderId, String paymentId, Money amount, String method, String reason,
                              Instant declinedAt) implements PaymentEvent {
}
