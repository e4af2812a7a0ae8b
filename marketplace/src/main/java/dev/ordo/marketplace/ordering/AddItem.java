package dev.ordo.marketplace.ordering;

import dev.ordo.marketplace.shared.Money;
import dev.ordo.marketplace.shared.ProductId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Instant;

/**
 * Adds units of a product to a pending order; adding a product already on the order increases its line's quantity
 * (the unit price must then equal the line's).
 *
 * @param productId   the catalog product
 * @param productName its name, used when the product is new on the order
 * @param quantity    how many units to add
 * @param unitPrice   the price of one unit, in the order's currency
 * @param addedAt     when the customer added them
 */
public record AddItem(@NotNull ProductId productId, @NotBlank String productName, @Positive int quantity,
                      @NotNull @Valid Money unitPrice, @NotNull Instant addedAt) implements OrderCommand {
}
