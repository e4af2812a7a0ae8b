package dev.ordo.marketplace.inventory;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;

/**
 * Gives the units of a reservation back. Idempotent: releasing an unknown or already released reservation changes
 * nothing, so a compensation may always release.
 *
 * @param reservationId the reservation
 * @param releasedAt    when
 */
public record ReleaseReservation(@NotBlank String reservationId, @NotNull Instant releasedAt) implements StockCommand {
}
