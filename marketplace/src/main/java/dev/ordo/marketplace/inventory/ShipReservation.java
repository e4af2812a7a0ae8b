package dev.ordo.marketplace.inventory;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;

/**
 * Takes a reservation's units out of the stock for good: they left with the order's shipment. Idempotent: shipping
 * an unknown, released or already shipped reservation changes nothing.
 *
 * @param reservationId the reservation
 * @param shippedAt     when
 */
public record ShipReservation(@NotBlank String reservationId, @NotNull Instant shippedAt) implements StockCommand {
}
