package dev.ordo.marketplace.ordering;

import jakarta.validation.constraints.NotNull;
import java.time.Instant;

/**
 * Records that a shipped order reached the customer.
 *
 * @param deliveredAt when it was delivered
 */
public record DeliverOrder(@NotNull Instant deliveredAt) implements OrderCommand {
}
