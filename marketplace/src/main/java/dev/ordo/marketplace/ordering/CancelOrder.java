package dev.ordo.marketplace.ordering;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;

/**
 * Cancels an order that is not yet delivered nor already cancelled.
 *
 * @param reason      why, in words a customer or an operator can read
 * @param cancelledAt when it was cancelled
 */
public record CancelOrder(@NotBlank String reason, @NotNull Instant cancelledAt) implements OrderCommand {
}
