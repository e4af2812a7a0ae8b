package dev.ordo.marketplace.inventory.app;

import dev.ordo.core.bus.command.CommandBus;
import dev.ordo.core.bus.command.SimpleCommandBus;
import dev.ordo.core.bus.query.SimpleQueryBus;
import dev.ordo.core.snapshot.StateCodec;
import dev.ordo.marketplace.inventory.Stock;
import dev.ordo.marketplace.inventory.StockCommand;
import dev.ordo.marketplace.inventory.StockEvent;
import dev.ordo.marketplace.inventory.readmodel.InventoryQueries;
import dev.ordo.marketplace.platform.DemoData;
import dev.ordo.marketplace.platform.wiring.ContextEvents;
import dev.ordo.marketplace.platform.wiring.ContextRoutes;
import dev.ordo.marketplace.platform.wiring.EventMapper;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/** The inventory's part of the process's wiring: its events, its snapshots, its routes and the demo stock. */
@Configuration(proxyBeanMethods = false)
public class InventoryWiring {

    @Bean
    ContextEvents inventoryEvents() {
        return events -> events.registerSealed(StockEvent.class);
    }

    @Bean
    StateCodec<Stock> stockStateCodec(EventMapper mapper) {
        return StockStateCodec.create(mapper.json());
    }

    /** After the catalog's: the demo stock is for the demo products. */
    @Bean
    @Order(2)
    ContextRoutes inventoryRoutes(InventoryService inventory, InventoryQueries stock) {
        return new ContextRoutes() {
            @Override
            public void commands(SimpleCommandBus.Builder commands) {
                commands.registerStreams(StockCommand.class, inventory.streams().handler());
            }

            @Override
            public void queries(SimpleQueryBus.Builder queries) {
                queries.register(InventoryQueries.FindStock.class, stock::find);
            }

            @Override
            public void seed(CommandBus commands) {
                DemoData.seed(commands, "stocks of demo products", DemoStock.deliveries().stream()
                        .map(delivery -> InventoryService.STOCK.command(delivery.productId(), delivery)).toList());
            }
        };
    }
}
