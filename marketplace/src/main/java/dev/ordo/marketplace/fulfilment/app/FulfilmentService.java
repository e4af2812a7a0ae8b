package dev.ordo.marketplace.fulfilment.app;

import dev.ordo.core.event.EventMetadata;
import dev.ordo.marketplace.fulfilment.CancelFulfilment;
import dev.ordo.marketplace.fulfilment.FulfilmentData;
import dev.ordo.marketplace.fulfilment.FulfilmentIds;
import dev.ordo.marketplace.fulfilment.StartFulfilment;
import dev.ordo.marketplace.ordering.Order;
import dev.ordo.marketplace.ordering.app.OrderService;
import dev.ordo.marketplace.shared.OrderId;
import dev.ordo.saga.SagaDefinition;
import dev.ordo.saga.SagaEngine;
import dev.ordo.saga.SagaState;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts and cancels the fulfilment of orders (the command bus's handler of {@link StartFulfilment} and
 * {@link CancelFulfilment}). An order has one fulfilment saga, whose id follows from the order id, so starting twice
 * starts once. Thread-safe.
 */
public class FulfilmentService {

    private static final Logger log = LoggerFactory.getLogger(FulfilmentService.class);

    private final SagaEngine engine;
    private final SagaDefinition<FulfilmentData> saga;
    private final OrderService orders;

    FulfilmentService(SagaEngine engine, SagaDefinition<FulfilmentData> saga, OrderService orders) {
        this.engine = engine;
        this.saga = saga;
        this.orders = orders;
    }

    /**
     * Starts the order's fulfilment if the order is PENDING and has none yet; orders in other states (placed before
     * fulfilment was switched on and handled since) are left alone.
     *
     * @return true when this call started it
     */
    public boolean start(StartFulfilment command, EventMetadata metadata) {
        if (!(orders.streams().load(command.orderId()).state() instanceof Order.Pending)) {
            log.debug("order {} is not pending; no fulfilment started", command.orderId());
            return false;
        }
        boolean started = engine.start(saga, sagaId(command.orderId()), FulfilmentData.of(command.orderId()), metadata);
        if (started) {
            log.debug("fulfilment of order {} started as saga {}", command.orderId(), sagaId(command.orderId()));
        }
        return started;
    }

    /**
     * Cancels the order's running fulfilment: it compensates and the order is cancelled with the reason.
     *
     * @return false when there is no running fulfilment (none, finished, or compensating already), or it is past its
     *         {@linkplain #pointOfNoReturn() point of no return}
     */
    public boolean cancel(CancelFulfilment command, EventMetadata metadata) {
        return engine.cancel(sagaId(command.orderId()), command.reason(), metadata);
    }

    /** The step from whose start on a fulfilment can no longer be cancelled. */
    public Optional<String> pointOfNoReturn() {
        return saga.pointOfNoReturn();
    }

    /** The state of the order's fulfilment; {@link SagaState#exists()} is false when it has none. */
    public SagaState state(OrderId orderId) {
        return engine.state(sagaId(orderId));
    }

    /** The id of the order's fulfilment saga. */
    public UUID sagaId(OrderId orderId) {
        return FulfilmentIds.sagaId(orderId);
    }
}
