package dev.ordo.marketplace.fulfilment;

import dev.ordo.core.event.Envelope;
import dev.ordo.core.store.EventFilter;
import dev.ordo.marketplace.ordering.ItemAdded;
import dev.ordo.marketplace.ordering.ItemRemoved;
import dev.ordo.marketplace.ordering.OrderCancelled;
import dev.ordo.marketplace.ordering.OrderDelivered;
import dev.ordo.marketplace.ordering.OrderEvent;
import dev.ordo.marketplace.ordering.OrderPaid;
import dev.ordo.marketplace.ordering.OrderPlaced;
import dev.ordo.marketplace.ordering.OrderShipped;
import dev.ordo.marketplace.ordering.ShippingAddressChanged;
import dev.ordo.saga.ProcessManager;
import java.util.List;

/**
 * Starts the fulfilment of every placed order, and cancels a running fulfilment when its order is cancelled (by the
 * customer; a cancellation by the saga itself finds it compensating already, which changes nothing). Pure.
 */
public final class FulfilmentProcess implements ProcessManager<OrderEvent> {

    @Override
    public String name() {
        return FulfilmentIds.SAGA_TYPE;
    }

    @Override
    public EventFilter filter() {
        return EventFilter.categories("order").andEventTypes("order.placed", "order.cancelled");
    }

    @Override
    public Class<OrderEvent> eventType() {
        return OrderEvent.class;
    }

    @Override
    public List<Object> react(Envelope<OrderEvent> event) {
        return switch (event.event()) {
            case OrderPlaced placed -> List.of(new StartFulfilment(placed.orderId()));
            case OrderCancelled cancelled -> List.of(new CancelFulfilment(cancelled.orderId(), "order cancelled: "
                    + cancelled.reason()));
            case ItemAdded added -> List.of();
            case ItemRemoved removed -> List.of();
            case ShippingAddressChanged changed -> List.of();
            case OrderPaid paid -> List.of();
            case OrderShipped shipped -> List.of();
            case OrderDelivered delivered -> List.of();
        };
    }
}
