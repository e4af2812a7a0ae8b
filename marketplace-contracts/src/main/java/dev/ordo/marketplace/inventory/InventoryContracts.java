package dev.ordo.marketplace.inventory;

import dev.ordo.marketplace.shared.StepContract;

/** The requests the inventory answers for sagas, as published (ADR 27): their names on the wire and their answers. */
public final class InventoryContracts {

    /** The participant's name, and the part of its command topic that names it. */
    public static final String PARTICIPANT = "inventory";

    public static final StepContract<ReserveOrderStock> RESERVE = new StepContract<>(
            "inventory.reserve-order-stock.v1", ReserveOrderStock.class, PARTICIPANT, OrderStockReserved.class);
    public static final StepContract<ReleaseOrderStock> RELEASE = StepContract.of("inventory.release-order-stock.v1",
            ReleaseOrderStock.class, PARTICIPANT);
    public static final StepContract<ShipOrderStock> SHIP = StepContract.of("inventory.ship-order-stock.v1",
            ShipOrderStock.class, PARTICIPANT);

    private InventoryContracts() {
    }
}
