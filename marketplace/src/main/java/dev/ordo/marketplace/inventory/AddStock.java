package dev.ordo.marketplace.inventory;

import dev.ordo.marketplace.shared.ProductId;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Instant;

/**
 * Puts units of a product on hand (a delivery from the producer); the first one opens the product's stock.
 *
 * @param productId the product whose stock this is
 * @param quantity  units added, at least 1 and at most {@value StockDecider#MAX_UNITS} in all
 * @param addedAt   when they arrived
 */
public record AddStock(@NotNull ProductId productId, @Positive int quantity, @NotNull Instant addedAt)
        implements StockCommand {
}
