package dev.ordo.marketplace.inventory.app;

import dev.ordo.core.bus.command.StreamCommand;
import dev.ordo.core.command.CommandHandler;
import dev.ordo.core.command.Loaded;
import dev.ordo.core.event.EventSerializer;
import dev.ordo.core.event.StreamId;
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
import java.util.Objects;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Handles stock commands at the loaded version. A version conflict is decided again on a fresh load (the decider
 * checks the available units again, so two reservations can never both take the last unit); in one process the
 * command bus already serializes commands per stock stream. Thread-safe.
 */
@Service
public class InventoryService {

    private final CommandHandler<StockCommand, Stock, StockEvent> handler;
    private final EventStore store;

    public InventoryService(EventStore store, EventSerializer serializer, SnapshotStore snapshots,
                            SnapshotPolicy policy, StateCodec<Stock> codec) {
        this.store = store;
        this.handler = CommandHandler.builder(new StockDecider(), StockEvent.class, store, serializer)
                .snapshots(snapshots, codec, policy)
                .retryOnConflict(command -> true, 5)
                // every order reserves and ships from a few hot streams: fold only what was appended since
                .cacheStates(1_000)
                .build();
    }

    /** The stream of a product's stock. */
    public static StreamId stream(ProductId productId) {
        return StreamId.of("stock", productId);
    }

    /**
     * A command on the product's stock, for the command bus, decided only if the stream is still at
     * {@code expectedVersion} (null: at its current version).
     */
    public static StreamCommand<StockCommand> request(ProductId productId, StockCommand command, Long expectedVersion) {
        return StreamCommand.to(stream(Objects.requireNonNull(productId, "productId")), command, expectedVersion);
    }

    /** Decides the commands the bus routes here ({@link #request}). */
    public CommandHandler<StockCommand, Stock, StockEvent> handler() {
        return handler;
    }

    /** A command on the product's stock as it is now, for the command bus. */
    public static StreamCommand<StockCommand> request(ProductId productId, StockCommand command) {
        return request(productId, command, null);
    }

    /** The stock as it was right after the event with the given version; empty when it never got there. */
    public Optional<Loaded<Stock>> loadAt(ProductId productId, long version) {
        return handler.loadAt(stream(productId), version);
    }

    /** The version of the stock's latest event written by a request with this Idempotency-Key, if any. */
    public Optional<Long> versionWrittenWith(ProductId productId, String idempotencyKey) {
        return KeyedEvents.versionWrittenWith(store, stream(productId), idempotencyKey);
    }

    /** The stock as it is now. */
    public Loaded<Stock> load(ProductId productId) {
        return handler.load(stream(productId));
    }
}
