package dev.ordo.marketplace.ordering;

import dev.ordo.marketplace.shared.Address;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;

/**
 * Changes where an order will be shipped, allowed until it ships. Changing to the current address changes nothing.
 *
 * @param shippingAddress the new address, complete
 * @param changedAt       when the customer changed it
 */
public record ChangeShippingAddress(@NotNull @Valid Address shippingAddress, @NotNull Instant changedAt)
        implements OrderCommand {
}
