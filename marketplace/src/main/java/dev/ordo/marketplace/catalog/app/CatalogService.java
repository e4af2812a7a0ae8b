package dev.ordo.marketplace.catalog.app;

import dev.ordo.core.command.CommandHandler;
import dev.ordo.core.command.CommandResult;
import dev.ordo.core.command.Loaded;
import dev.ordo.core.event.EventMetadata;
import dev.ordo.core.event.EventSerializer;
import dev.ordo.core.event.StreamId;
import dev.ordo.core.snapshot.SnapshotPolicy;
import dev.ordo.core.snapshot.SnapshotStore;
import dev.ordo.core.snapshot.StateCodec;
import dev.ordo.core.store.EventStore;
import dev.ordo.marketplace.catalog.Product;
import dev.ordo.marketplace.catalog.ProductCommand;
import dev.ordo.marketplace.catalog.ProductDecider;
import dev.ordo.marketplace.catalog.ProductEvent;
import dev.ordo.marketplace.shared.ProductId;
import org.springframework.stereotype.Service;

/** Handles product commands at the loaded version, retrying conflicts on a fresh load. Thread-safe. */
@Service
public class CatalogService {

    private final CommandHandler<ProductCommand, Product, ProductEvent> handler;

    public CatalogService(EventStore store, EventSerializer serializer, SnapshotStore snapshots, SnapshotPolicy policy,
                          StateCodec<Product> codec) {
        this.handler = CommandHandler.builder(new ProductDecider(), ProductEvent.class, store, serializer)
                .snapshots(snapshots, codec, policy)
                .retryOnConflict(command -> true, 3)
                .build();
    }

    /** The stream of a product. */
    public static StreamId stream(ProductId productId) {
        return StreamId.of("product", productId);
    }

    /** Handles a command from the bus. */
    public CommandResult<Product, ProductEvent> handle(ProductRequest request, EventMetadata metadata) {
        StreamId stream = stream(request.productId());
        return request.expectedVersion() == null
                ? handler.handle(stream, request.command(), metadata)
                : handler.handle(stream, request.command(), metadata, request.expectedVersion());
    }

    /** The product as it is now. */
    public Loaded<Product> load(ProductId productId) {
        return handler.load(stream(productId));
    }
}
