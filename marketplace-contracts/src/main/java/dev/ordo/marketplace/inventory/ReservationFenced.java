package dev.ordo.marketplace.inventory;

import dev.ordo.core.event.EventType;
import dev.ordo.marketplace.shared.ProductId;
import java.time.Instant;

/**
 * A reservation was released before this stock ever held it: the release of a reserve whose outcome was unknown (it
 * timed out, or its process died). Nothing moves; the id is settled, so a late reserve with it takes nothing.
 */
@EventType("stock.reservation-fenced")
public record ReservationFenced(ProductId productId, String reservationId, int available, int reserved,
                                Instant fencedAt) implements StockEvent {
}
