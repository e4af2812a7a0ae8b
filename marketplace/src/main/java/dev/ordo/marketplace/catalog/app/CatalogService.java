package dev.ordo.marketplace.catalog.app;

import dev.ordo.core.bus.command.StreamNaming;
import dev.ordo.core.bus.command.Streams;
import dev.ordo.core.command.CommandHandler;
import dev.ordo.core.event.EventSerializer;
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
import org.springframework.stereotype.Service;

/** Handles product commands at the loaded version, retrying conflicts on a fresh load. Thread-safe. */
@Service
public class CatalogService {

    /** Each product, on {@code product-<productId>}; address product commands with it. */
    public static final StreamNaming<ProductId, ProductCommand> PRODUCTS = StreamNaming.of("product");

    private final Streams<ProductId, ProductCommand, Product, ProductEvent> streams;

    public CatalogService(EventStore store, EventSerializer serializer, SnapshotStore snapshots, SnapshotPolicy policy,
                          StateCodec<Product> codec) {
        this.streams = new Streams<>(PRODUCTS, CommandHandler
                .builder(new ProductDecider(), ProductEvent.class, store, serializer)
                .snapshots(snapshots, codec, policy)
                .retryOnConflict(command -> true, 3)
                .build());
    }

    /** The product streams, loaded by product id, and the handler that decides the commands the bus routes here. */
    public Streams<ProductId, ProductCommand, Product, ProductEvent> streams() {
        return streams;
    }

    /** Answers {@link IsProductRegistered} from the product's stream. */
    public Boolean isRegistered(IsProductRegistered query) {
        return streams.load(query.productId()).state() instanceof Product.Registered;
    }
}
