package dev.ordo.marketplace.catalog;

import dev.ordo.core.event.EventType;
import dev.ordo.marketplace.shared.Money;
import dev.ordo.marketplace.shared.ProducerId;
import dev.ordo.marketplace.shared.ProductId;
import java.time.Instant;

/**
 * A product entered the catalog.
 *
 * @param productId    the product
 * @param producerId   who makes it
 * @param producerName the producer's display name
 * @param name         the product's display name
 * @param description  the description, possibly empty, never null
 * @param price        the unit price
 * @param available    whether customers can order it
 * @param registeredAt when it was registered
 */
@EventType("product.registered")
public record ProductRegistered(ProductId productId, ProducerId producerId, String producerName, String name,
                                String description, Money price, boolean available, Instant registeredAt)
        implements ProductEvent {
}
