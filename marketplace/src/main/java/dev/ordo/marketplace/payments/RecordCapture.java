package dev.ordo.marketplace.payments;

import dev.ordo.marketplace.shared.OrderId;
import java.time.Instant;

/** The provider captured the authorized amount. */
public record RecordCapture(OrderId orderId, String paymentId, Instant at) implements PaymentCommand {
}
