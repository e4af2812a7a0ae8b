package dev.ordo.marketplace.ordering;

import dev.ordo.marketplace.shared.ProductId;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Instant;

/**
 * Removes units of a product from a pending order; removing all of a line's units removes the line.
 *
 * @param productId the product on the order
 * @param quantity  how many units to remove, at most as many as the line holds
 * @param removedAt when the customer removed them
 */
public record RemoveItem(@NotNull ProductId productId, @Positive int quantity, @NotNull Instant removedAt)
        implements OrderCommand {
}
