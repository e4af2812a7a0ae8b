package dev.ordo.marketplace.inventory;

import dev.ordo.core.event.EventType;
import dev.ordo.marketplace.shared.ProductId;
import java.time.Instant;

/** A reservation's units left the stock with the order's shipment. */
@EventType("stock.reservation-shipped")
public record ReservationShipped(ProductId productId, String reservationId, int quantity, int available,
                                 int reserved, Instant shippedAt) implements StockEvent {
}
