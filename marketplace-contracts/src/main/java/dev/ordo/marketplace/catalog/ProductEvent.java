package dev.ordo.marketplace.catalog;

import dev.ordo.marketplace.shared.ProductId;

/**
 * Something that happened to a catalog product, stored under the stable name of its
 * {@link dev.ordo.core.event.EventType} annotation ({@code product.registered}, ...).
 */
public sealed interface ProductEvent permits ProductRegistered, PriceChanged, AvailabilityChanged {

    /** The product the event belongs to. */
    ProductId productId();
}
