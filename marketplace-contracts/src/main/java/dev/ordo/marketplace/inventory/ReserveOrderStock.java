package dev.ordo.marketplace.inventory;

import dev.ordo.marketplace.shared.ProductId;
import java.time.Instant;
import java.util.List;

/**
 * A saga's request to reserve every line of an order under one reservation id, or none of them for good when a product
 * runs short (lines reserved before the shortage stay reserved until a {@link ReleaseOrderStock} of the same id).
 * Answered with {@link OrderStockReserved}. Published contract: {@link InventoryContracts#RESERVE}.
 */
public record ReserveOrderStock(String reservationId, List<Line> lines, Instant reservedAt) {

    public ReserveOrderStock {
        lines = List.copyOf(lines);
    }

    /** One product and how many of it; the name is for the refusal's message. */
    public record Line(ProductId productId, String productName, int quantity) {
    }
}
