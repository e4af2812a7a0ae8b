package dev.ordo.marketplace.platform;

import dev.ordo.jdbc.OrdoDatabase;
import org.flywaydb.core.Flyway;
import org.springframework.stereotype.Component;

/**
 * The marketplace's own tables (outside Ordo's and the projections'), migrated with Flyway when the bean is created
 * (history table {@code marketplace_schema_history}, SQL per dialect under {@code db/marketplace/}). Beans that use
 * those tables depend on this one.
 */
@Component
public class MarketplaceSchema {

    public MarketplaceSchema(OrdoDatabase database) {
        Flyway.configure()
                .dataSource(database.writeDataSource())
                .locations("classpath:db/marketplace/" + database.dialectName())
                .table("marketplace_schema_history")
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
    }
}
