package dev.ordo.marketplace.platform;

import dev.ordo.jdbc.OrdoDatabase;
import org.springframework.stereotype.Component;

/**
 * The marketplace's own tables (outside Ordo's and the projections'), migrated with Flyway when the bean is created
 * (history table {@code marketplace_schema_history}, SQL per dialect under {@code db/marketplace/}). Beans that use
 * those tables depend on this one.
 */
@Component
public class MarketplaceSchema {

    public MarketplaceSchema(OrdoDatabase database) {
        database.migrate("db/marketplace", true, "marketplace_schema_history");
    }
}
