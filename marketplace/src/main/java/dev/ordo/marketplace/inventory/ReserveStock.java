package dev.ordo.marketplace.inventory;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Instant;

/**
 * Sets units aside for a reservation, if that many are available. Idempotent by reservation id: reserving again
 * with an id that was already reserved, or already released, changes nothing.
 *
 * @param reservationId who reserves (a saga's invocation id); the same id on a retry
 * @param quantity      units to set aside
 * @param reservedAt    when
 */
public record ReserveStock(@NotBlank String reservationId, @Positive int quantity, @NotNull Instant reservedAt)
        implements StockCommand {
}
