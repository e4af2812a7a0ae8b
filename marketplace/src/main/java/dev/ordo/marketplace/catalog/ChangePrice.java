package dev.ordo.marketplace.catalog;

import dev.ordo.marketplace.shared.Money;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;

/**
 * Changes a product's unit price, in the currency it was registered with. The current price changes nothing.
 *
 * @param newPrice  the new price, zero or more
 * @param changedAt when it changes
 */
public record ChangePrice(@NotNull @Valid Money newPrice, @NotNull Instant changedAt) implements ProductCommand {
}
