package dev.ordo.marketplace.inventory.app;

import dev.ordo.core.bus.command.StreamNaming;
import dev.ordo.core.bus.command.Streams;
import dev.ordo.core.command.CommandHandler;
import dev.ordo.core.event.EventSerializer;
import dev.ordo.core.snapshot.SnapshotPolicy;
import dev.ordo.core.snapshot.SnapshotStore;
import dev.ordo.core.snapshot.StateCodec;
import dev.ordo.core.store.EventStore;
import dev.ordo.marketplace.inventory.Stock;
import dev.ordo.marketplace.inventory.StockCommand;
import dev.ordo.marketplace.inventory.StockDecider;
import dev.ordo.marketplace.inventory.StockEvent;
import dev.ordo.marketplace.platform.idempotency.KeyedEvents;
import dev.ordo.marketplace.shared.ProductId;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Handles stock commands at the loaded version. A version conflict is decided again on a fresh load (the decider
 * checks the available units again, so two reservations can never both take the last unit); in one process the
 * command bus already serializes commands per stock stream. Thread-safe.
 */
@Service
public class InventoryService {

    /** The stock of each product, on {@code stock-<productId>}; address stock commands with it. */
    public static final StreamNaming<ProductId, StockCommand> STOCK = StreamNaming.of("stock");

    private final Streams<ProductId, StockCommand, Stock, StockEvent> streams;
    private final EventStore store;

    public InventoryService(EventStore store, EventSerializer serializer, SnapshotStore snapshots,
                            SnapshotPolicy policy, StateCodec<Stock> codec) {
        this.store = store;
        this.streams = new Streams<>(STOCK, CommandHandler
                .builder(new StockDecider(), StockEvent.class, store, serializer)
                .snapshots(snapshots, codec, policy)
                .retryOnConflict(command -> true, 5)
                // every order reserves and ships from a few hot streams: fold only what was appended since
                .cacheStates(1_000)
                .build());
    }

    /** The stock streams, loaded by product id, and the handler that decides the commands the bus routes here. */
    public Streams<ProductId, StockCommand, Stock, StockEvent> streams() {
        return streams;
    }

    /** The version of the stock's latest event written by a request with this Idempotency-Key, if any. */
    public Optional<Long> versionWrittenWith(ProductId productId, String idempotencyKey) {
        return KeyedEvents.versionWrittenWith(store, STOCK.stream(productId), idempotencyKey);
    }
}
