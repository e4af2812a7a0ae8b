package dev.ordo.marketplace.ordering.app;

import dev.ordo.core.bus.command.StreamNaming;
import dev.ordo.core.bus.command.Streams;
import dev.ordo.core.command.CommandHandler;
import dev.ordo.core.event.EventSerializer;
import dev.ordo.core.event.RecordedEvent;
import dev.ordo.core.snapshot.SnapshotPolicy;
import dev.ordo.core.snapshot.SnapshotStore;
import dev.ordo.core.snapshot.StateCodec;
import dev.ordo.core.store.EventStore;
import dev.ordo.marketplace.ordering.Order;
import dev.ordo.marketplace.ordering.OrderCommand;
import dev.ordo.marketplace.ordering.OrderDecider;
import dev.ordo.marketplace.ordering.OrderEvent;
import dev.ordo.marketplace.platform.idempotency.KeyedEvents;
import dev.ordo.marketplace.shared.OrderId;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Handles order commands: loads the order (snapshot plus later events), lets the {@link OrderDecider} decide, and
 * appends at the loaded version. Without an expected version a conflict is retried on a fresh load (the decider
 * checks every rule again, so that is always safe); with one, a stale version is refused at once. Thread-safe.
 */
@Service
public class OrderService {

    /** The metadata header that carries a request's Idempotency-Key onto its events. */
    public static final String IDEMPOTENCY_KEY = KeyedEvents.METADATA;

    /** Each order, on {@code order-<orderId>}; address order commands with it. */
    public static final StreamNaming<OrderId, OrderCommand> ORDERS = StreamNaming.of("order");

    private final Streams<OrderId, OrderCommand, Order, OrderEvent> streams;
    private final EventStore store;

    public OrderService(EventStore store, EventSerializer serializer, SnapshotStore snapshots, SnapshotPolicy policy,
                        StateCodec<Order> codec) {
        this.store = store;
        this.streams = new Streams<>(ORDERS, CommandHandler
                .builder(new OrderDecider(), OrderEvent.class, store, serializer)
                .snapshots(snapshots, codec, policy)
                .retryOnConflict(command -> true, 3)
                // an order is loaded by each of its commands and fulfilment steps within seconds
                .cacheStates(10_000)
                .build());
    }

    /** The order streams, loaded by order id, and the handler that decides the commands the bus routes here. */
    public Streams<OrderId, OrderCommand, Order, OrderEvent> streams() {
        return streams;
    }

    /** Every event of the order, oldest first, with positions and metadata. */
    public List<RecordedEvent> history(OrderId orderId) {
        return store.readStreamForwards(ORDERS.stream(orderId));
    }

    /**
     * The version of the order's latest event written by a request with this idempotency key, looking at its most
     * recent events; empty when no such event is found.
     */
    public Optional<Long> versionWrittenWith(OrderId orderId, String idempotencyKey) {
        return KeyedEvents.versionWrittenWith(store, ORDERS.stream(orderId), idempotencyKey);
    }
}
