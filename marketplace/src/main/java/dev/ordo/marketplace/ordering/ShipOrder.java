package dev.ordo.marketplace.ordering;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;

/**
 * Records that a paid order was handed to a carrier.
 *
 * @param trackingNumber the carrier's tracking number
 * @param carrier        the carrier's name
 * @param shippedAt      when it was handed over
 */
public record ShipOrder(@NotBlank String trackingNumber, @NotBlank String carrier, @NotNull Instant shippedAt)
        implements OrderCommand {
}
