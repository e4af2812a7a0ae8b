package dev.ordo.marketplace.inventory;

import dev.ordo.core.event.EventType;
import dev.ordo.marketplace.shared.ProductId;
import java.time.Instant;

/** A reservation's units became available again. */
@EventType("stock.reservation-released")
public record ReservationReleased(ProductId productId, String reservationId, int quantity, int available,
                                  int reserved, Instant releasedAt) implements StockEvent {
}
