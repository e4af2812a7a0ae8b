package dev.ordo.marketplace.inventory;

/** The answer to a {@link ReserveOrderStock}: every line is reserved under this id. */
public record OrderStockReserved(String reservationId) {
}
