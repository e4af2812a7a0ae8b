package dev.ordo.marketplace.inventory.readmodel;

import java.time.Instant;

/**
 * A product's stock as the API shows it.
 *
 * @param available units that can still be reserved
 * @param reserved  units held by open reservations
 * @param version   the stock stream's version this view reflects
 */
public record StockView(String productId, int available, int reserved, long version, Instant updatedAt) {
}
