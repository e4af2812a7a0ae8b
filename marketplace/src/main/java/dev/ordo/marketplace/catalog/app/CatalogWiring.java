package dev.ordo.marketplace.catalog.app;

import dev.ordo.core.bus.command.CommandBus;
import dev.ordo.core.bus.command.SimpleCommandBus;
import dev.ordo.core.bus.query.SimpleQueryBus;
import dev.ordo.core.snapshot.StateCodec;
import dev.ordo.marketplace.catalog.DemoCatalog;
import dev.ordo.marketplace.catalog.IsProductRegistered;
import dev.ordo.marketplace.catalog.Product;
import dev.ordo.marketplace.catalog.ProductCommand;
import dev.ordo.marketplace.catalog.ProductEvent;
import dev.ordo.marketplace.catalog.readmodel.ProductQueries;
import dev.ordo.marketplace.platform.DemoData;
import dev.ordo.marketplace.platform.wiring.ContextEvents;
import dev.ordo.marketplace.platform.wiring.ContextRoutes;
import dev.ordo.marketplace.platform.wiring.EventMapper;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/** The catalog's part of the process's wiring: its events, its snapshots, its routes and the demo products. */
@Configuration(proxyBeanMethods = false)
public class CatalogWiring {

    @Bean
    ContextEvents catalogEvents() {
        return events -> events.registerSealed(ProductEvent.class);
    }

    @Bean
    StateCodec<Product> productStateCodec(EventMapper mapper) {
        return ProductStateCodec.create(mapper.json());
    }

    /** First: the demo stock is for the demo products. */
    @Bean
    @Order(1)
    ContextRoutes catalogRoutes(CatalogService catalog, ProductQueries products) {
        return new ContextRoutes() {
            @Override
            public void commands(SimpleCommandBus.Builder commands) {
                commands.registerStreams(ProductCommand.class, catalog.streams().handler());
            }

            @Override
            public void queries(SimpleQueryBus.Builder queries) {
                queries.register(ProductQueries.FindProducts.class, products::find)
                        .register(IsProductRegistered.class, catalog::isRegistered);
            }

            @Override
            public void seed(CommandBus commands) {
                DemoData.seed(commands, "demo products", DemoCatalog.products().stream()
                        .map(product -> CatalogService.PRODUCTS.command(product.productId(), product)).toList());
            }
        };
    }
}
