package dev.ordo.marketplace.catalog;

import dev.ordo.marketplace.shared.Money;
import dev.ordo.marketplace.shared.ProducerId;
import dev.ordo.marketplace.shared.ProductId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;

/**
 * Puts a new product in the catalog.
 *
 * @param productId    the new product's id
 * @param producerId   who makes it
 * @param producerName the producer's display name
 * @param name         the product's display name
 * @param description  a description for customers; optional, null is stored as empty
 * @param price        the price of one unit, zero or more
 * @param available    whether customers can order it now
 * @param registeredAt when it was registered
 */
public record RegisterProduct(@NotNull ProductId productId, @NotNull ProducerId producerId,
                              @NotBlank String producerName, @NotBlank String name, String description,
                              @NotNull @Valid Money price, boolean available, @NotNull Instant registeredAt)
        implements ProductCommand {
}
