package dev.ordo.marketplace.catalog;

import dev.ordo.core.event.EventType;
import dev.ordo.marketplace.shared.ProductId;
import java.time.Instant;

/**
 * A product became orderable or stopped being orderable.
 *
 * @param productId the product
 * @param available whether customers can order it from now on
 * @param changedAt when it changed
 */
@EventType("product.availability-changed")
public record AvailabilityChanged(ProductId productId, boolean available, Instant changedAt) implements ProductEvent {
}
