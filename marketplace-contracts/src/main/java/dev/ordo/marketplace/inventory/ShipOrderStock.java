package dev.ordo.marketplace.inventory;

import dev.ordo.marketplace.shared.ProductId;
import java.time.Instant;
import java.util.List;

/**
 * A saga's request to take a reservation's units out of the stock of each of these products: they left with the
 * parcel. Shipping a reservation again changes nothing. Published contract: {@link InventoryContracts#SHIP}.
 */
public record ShipOrderStock(String reservationId, List<ProductId> productIds, Instant shippedAt) {

    public ShipOrderStock {
        productIds = List.copyOf(productIds);
    }
}
