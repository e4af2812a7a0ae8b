package dev.ordo.marketplace.catalog;

import dev.ordo.core.event.EventType;
import dev.ordo.marketplace.shared.Money;
import dev.ordo.marketplace.shared.ProductId;
import java.time.Instant;

/**
 * A product's unit price changed; both prices are in the same currency.
 *
 * @param productId the product
 * @param oldPrice  the price before
 * @param newPrice  the price from now on
 * @param changedAt when it changed
 */
@EventType("product.price-changed")
public record PriceChanged(ProductId productId, Money oldPrice, Money newPrice, Instant changedAt)
        implements ProductEvent {
}
