package dev.ordo.marketplace.catalog.app;

import dev.ordo.core.bus.command.StreamCommand;
import dev.ordo.core.command.CommandHandler;
import dev.ordo.core.command.Loaded;
import dev.ordo.core.event.EventSerializer;
import dev.ordo.core.event.StreamId;
import dev.ordo.core.snapshot.SnapshotPolicy;
import dev.ordo.core.snapshot.SnapshotStore;
import dev.ordo.core.snapshot.StateCodec;
import dev.ordo.core.store.EventStore;
import dev.ordo.marketplace.catalog.IsProductRegistered;
import dev.ordo.marketplace.catalog.Product;
import dev.ordo.marketplace.catalog.ProductCommand;
import dev.ordo.marketplace.catalog.ProductDecider;
import dev.ordo.marketplace.catalog.ProductEvent;
import dev.ordo.marketplace.shared.ProductId;
import java.util.Objects;
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

    /**
     * A command on the product, for the command bus, decided only if the stream is still at {@code expectedVersion}
     * (null: at its current version).
     */
    public static StreamCommand<ProductCommand> request(ProductId productId, ProductCommand command,
                                                       Long expectedVersion) {
        return StreamCommand.to(stream(Objects.requireNonNull(productId, "productId")), command, expectedVersion);
    }

    /** Decides the commands the bus routes here ({@link #request}). */
    public CommandHandler<ProductCommand, Product, ProductEvent> handler() {
        return handler;
    }

    /** Answers {@link IsProductRegistered} from the product's stream. */
    public Boolean isRegistered(IsProductRegistered query) {
        return load(query.productId()).state() instanceof Product.Registered;
    }

    /** The product as it is now. */
    public Loaded<Product> load(ProductId productId) {
        return handler.load(stream(productId));
    }
}
