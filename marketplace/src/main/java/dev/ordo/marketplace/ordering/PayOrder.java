package dev.ordo.marketplace.ordering;

import dev.ordo.marketplace.shared.Money;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;

/**
 * Records the payment of a pending order; the amount must equal the order total exactly.
 *
 * @param amount           the amount paid
 * @param method           how it was paid
 * @param paymentReference the payment provider's reference
 * @param paidAt           when it was paid
 */
public record PayOrder(@NotNull @Valid Money amount, @NotNull PaymentMethod method, @NotBlank String paymentReference,
                       @NotNull Instant paidAt) implements OrderCommand {
}
