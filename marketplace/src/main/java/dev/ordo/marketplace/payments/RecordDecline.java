package dev.ordo.marketplace.payments;

import dev.ordo.marketplace.shared.Money;
import dev.ordo.marketplace.shared.OrderId;
import java.time.Instant;

/** The provider declined the authorization. */
public record RecordDecline(OrderId orderId, String paymentId, Money amount, String method, String reason, Instant at)
        implements PaymentCommand {
}
