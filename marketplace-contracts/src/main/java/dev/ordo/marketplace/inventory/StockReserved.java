package dev.ordo.marketplace.inventory;

import dev.ordo.core.event.EventType;
import dev.ordo.marketplace.shared.ProductId;
import java.time.Instant;

/** Units were set aside for a reservation. */
@EventType("stock.reserved")
public record StockReserved(ProductId productId, String reservationId, int quantity, int available, int reserved,
                            Instant reservedAt) implements StockEvent {
}
