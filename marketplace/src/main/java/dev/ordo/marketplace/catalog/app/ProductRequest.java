package dev.ordo.marketplace.catalog.app;

import dev.ordo.core.bus.command.AddressedCommand;
import dev.ordo.marketplace.catalog.ProductCommand;
import dev.ordo.marketplace.shared.ProductId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/**
 * A product command on its way through the command bus.
 *
 * @param productId       the product; its stream is {@code product-<id>}
 * @param command         the command
 * @param expectedVersion the version the caller saw, or {@code null}
 */
public record ProductRequest(@NotNull ProductId productId, @NotNull @Valid ProductCommand command,
                             Long expectedVersion) implements AddressedCommand {
}
