package dev.ordo.marketplace.inventory.app;

import dev.ordo.core.bus.command.AddressedCommand;
import dev.ordo.marketplace.inventory.StockCommand;
import dev.ordo.marketplace.shared.ProductId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/**
 * A stock command on its way through the command bus.
 *
 * @param productId       the product; its stock's stream is {@code stock-<id>}
 * @param command         the command
 * @param expectedVersion the version the caller saw ({@code 0}: the stock must not exist yet), or {@code null}
 */
public record StockRequest(@NotNull ProductId productId, @NotNull @Valid StockCommand command, Long expectedVersion)
        implements AddressedCommand {

    /** A command on the stock as it is now. */
    public StockRequest(ProductId productId, StockCommand command) {
        this(productId, command, null);
    }
}
