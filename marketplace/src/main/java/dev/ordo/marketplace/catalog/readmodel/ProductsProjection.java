package dev.ordo.marketplace.catalog.readmodel;

import static dev.ordo.marketplace.shared.MinorUnits.toMinor;

import dev.ordo.core.event.EventSerializer;
import dev.ordo.core.event.RecordedEvent;
import dev.ordo.core.store.EventFilter;
import dev.ordo.jdbc.JdbcProjection;
import dev.ordo.jdbc.ProjectionContext;
import dev.ordo.marketplace.catalog.AvailabilityChanged;
import dev.ordo.marketplace.catalog.PriceChanged;
import dev.ordo.marketplace.catalog.ProductEvent;
import dev.ordo.marketplace.catalog.ProductRegistered;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.springframework.stereotype.Component;

/** Keeps {@code products} up to date from the {@code product} category. */
@Component
public class ProductsProjection implements JdbcProjection {

    static final String PRODUCTS = "products";

    private final EventSerializer serializer;

    public ProductsProjection(EventSerializer serializer) {
        this.serializer = serializer;
    }

    @Override
    public String name() {
        return "products";
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public List<String> tables() {
        return List.of(PRODUCTS);
    }

    @Override
    public EventFilter filter() {
        return EventFilter.categories("product");
    }

    @Override
    public void createTables(ProjectionContext context) throws SQLException {
        String products = context.table(PRODUCTS);
        try (Statement statement = context.connection().createStatement()) {
            statement.execute("CREATE TABLE " + products + " (product_id TEXT PRIMARY KEY, producer_id TEXT NOT NULL, "
                    + "producer_name TEXT NOT NULL, name TEXT NOT NULL, description TEXT NOT NULL, "
                    + "price_minor BIGINT NOT NULL, currency TEXT NOT NULL, available INTEGER NOT NULL, "
                    + "version BIGINT NOT NULL)");
            statement.execute("CREATE INDEX " + products + "_producer_idx ON " + products + " (producer_id)");
        }
    }

    @Override
    public void apply(ProjectionContext context, RecordedEvent recorded) throws SQLException {
        if (!(serializer.deserialize(recorded) instanceof ProductEvent event)) {
            return;
        }
        String products = context.table(PRODUCTS);
        switch (event) {
            case ProductRegistered r -> context.update("INSERT INTO " + products + " (product_id, producer_id, "
                            + "producer_name, name, description, price_minor, currency, available, version) "
                            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", r.productId().toString(), r.producerId().toString(),
                    r.producerName(), r.name(), r.description() == null ? "" : r.description(), toMinor(r.price()),
                    r.price().currency().getCurrencyCode(), r.available() ? 1 : 0, recorded.streamVersion());
            case PriceChanged p -> context.update("UPDATE " + products + " SET price_minor = ?, currency = ?, "
                            + "version = ? WHERE product_id = ?", toMinor(p.newPrice()),
                    p.newPrice().currency().getCurrencyCode(), recorded.streamVersion(), p.productId().toString());
            case AvailabilityChanged a -> context.update("UPDATE " + products + " SET available = ?, version = ? "
                    + "WHERE product_id = ?", a.available() ? 1 : 0, recorded.streamVersion(), a.productId().toString());
        }
    }

}
