package dev.ordo.marketplace.inventory;

import dev.ordo.marketplace.shared.ProductId;

/**
 * Something that happened to a product's stock, stored under its stable {@link dev.ordo.core.event.EventType} name
 * ({@code stock.added}, ...). Every event carries the units available and reserved after it, for the read model.
 */
public sealed interface StockEvent permits StockAdded, StockReserved, ReservationReleased, ReservationShipped,
        ReservationFenced {

    /** The product the stock belongs to. */
    ProductId productId();

    /** Units that can still be reserved after the event. */
    int available();

    /** Units held by reservations after the event. */
    int reserved();
}
