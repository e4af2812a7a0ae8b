package dev.ordo.marketplace.payments;

import dev.ordo.marketplace.shared.Money;
import dev.ordo.marketplace.shared.OrderId;
import java.time.Instant;

/** The provider approved the authorization. */
public record RecordAuthorization(OrderId orderId, String paymentId, Money amount, String method, String reference,
                                  Instant at) implements PaymentCommand {
}
