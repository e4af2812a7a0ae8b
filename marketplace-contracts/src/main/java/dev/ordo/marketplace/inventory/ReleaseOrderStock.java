package dev.ordo.marketplace.inventory;

import dev.ordo.marketplace.shared.ProductId;
import java.time.Instant;
import java.util.List;

/**
 * A saga's request to release a reservation on each of these products; releasing what was never reserved, or was
 * released already, changes nothing and fences the id (a reservation arriving late with it is refused). Published
 * contract: {@link InventoryContracts#RELEASE}.
 */
public record ReleaseOrderStock(String reservationId, List<ProductId> productIds, Instant releasedAt) {

    public ReleaseOrderStock {
        productIds = List.copyOf(productIds);
    }
}
