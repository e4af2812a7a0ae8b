package dev.ordo.marketplace.inventory;

import dev.ordo.core.event.EventType;
import dev.ordo.marketplace.shared.ProductId;
import java.time.Instant;

/** Units arrived. */
@EventType("stock.added")
public record StockAdded(ProductId productId, int quantity, int available, int reserved, Instant addedAt)
        implements StockEvent {
}
