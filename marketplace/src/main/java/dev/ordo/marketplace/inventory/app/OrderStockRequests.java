package dev.ordo.marketplace.inventory.app;

import dev.ordo.core.bus.command.CommandBus;
import dev.ordo.marketplace.inventory.InventoryContracts;
import dev.ordo.marketplace.inventory.InventoryRule;
import dev.ordo.marketplace.inventory.InventoryRuleViolation;
import dev.ordo.marketplace.inventory.OrderStockReserved;
import dev.ordo.marketplace.inventory.ReleaseOrderStock;
import dev.ordo.marketplace.inventory.ReleaseReservation;
import dev.ordo.marketplace.inventory.ReserveOrderStock;
import dev.ordo.marketplace.inventory.ReserveStock;
import dev.ordo.marketplace.inventory.ShipOrderStock;
import dev.ordo.marketplace.inventory.ShipReservation;
import dev.ordo.marketplace.platform.wiring.ContextParticipant;
import dev.ordo.marketplace.platform.wiring.StepRefusedException;
import dev.ordo.marketplace.shared.ProductId;
import dev.ordo.saga.StepRequest;
import org.springframework.stereotype.Component;

/**
 * The inventory as a saga participant: reserves, releases and ships an order's stock through the command bus, one
 * stock command per product. Each is idempotent by the reservation id (the stock decider answers a repeated
 * reservation, release or shipment with no new event), so a request delivered twice reserves, releases or ships once.
 * Thread-safe.
 */
@Component
public class OrderStockRequests implements ContextParticipant {

    private final CommandBus commands;

    public OrderStockRequests(CommandBus commands) {
        this.commands = commands;
    }

    @Override
    public void handlers(Handlers handlers) {
        handlers.handle(InventoryContracts.RESERVE, this::reserve)
                .handle(InventoryContracts.RELEASE, this::release)
                .handle(InventoryContracts.SHIP, this::ship);
    }

    /**
     * Reserves line after line.
     *
     * @throws StepRefusedException when a product runs short, naming it with the units available and requested
     */
    OrderStockReserved reserve(ReserveOrderStock request, StepRequest step) {
        for (ReserveOrderStock.Line line : request.lines()) {
            try {
                commands.dispatch(InventoryService.STOCK.command(line.productId(), new ReserveStock(
                        request.reservationId(), line.quantity(), request.reservedAt())), step.metadata());
            } catch (InventoryRuleViolation v) {
                if (!v.rule().equals(InventoryRule.INSUFFICIENT_STOCK.id())) {
                    throw v;
                }
                throw new StepRefusedException("insufficient stock for " + line.productName() + ": "
                        + (v.available() == null ? 0 : v.available()) + " available, " + line.quantity()
                        + " requested");
            }
        }
        return new OrderStockReserved(request.reservationId());
    }

    Object release(ReleaseOrderStock request, StepRequest step) {
        for (ProductId product : request.productIds()) {
            commands.dispatch(InventoryService.STOCK.command(product, new ReleaseReservation(request.reservationId(),
                    request.releasedAt())), step.metadata());
        }
        return null;
    }

    Object ship(ShipOrderStock request, StepRequest step) {
        for (ProductId product : request.productIds()) {
            commands.dispatch(InventoryService.STOCK.command(product, new ShipReservation(request.reservationId(),
                    request.shippedAt())), step.metadata());
        }
        return null;
    }
}
