package dev.ordo.marketplace.inventory;

/**
 * A request to change the stock of one product, decided by {@link StockDecider} on the stream
 * {@code StreamId.of("stock", productId)}. Commands are plain data that carry their own time and accept any values;
 * the decider refuses bad ones with a {@link InventoryRuleViolation}.
 */
public sealed interface StockCommand permits AddStock, ReserveStock, ReleaseReservation, ShipReservation {
}
