package dev.ordo.marketplace.inventory.app;

import dev.ordo.core.bus.command.CommandBus;
import dev.ordo.core.event.EventMetadata;
import dev.ordo.core.store.WrongExpectedVersionException;
import dev.ordo.marketplace.inventory.AddStock;
import dev.ordo.marketplace.shared.RuleViolation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Seeds the {@link DemoStock} on start (with {@code marketplace.demo-data=true}, the default). Each product's stock
 * is added only when its stream does not exist yet (expected version 0), so restarts change nothing.
 */
@Component
@ConditionalOnProperty(name = "marketplace.demo-data", havingValue = "true", matchIfMissing = true)
class DemoStockSeeder implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoStockSeeder.class);

    private final CommandBus commands;

    DemoStockSeeder(CommandBus commands) {
        this.commands = commands;
    }

    @Override
    public void run(ApplicationArguments args) {
        int stocked = 0;
        for (AddStock delivery : DemoStock.deliveries()) {
            try {
                commands.dispatch(InventoryService.STOCK.command(delivery.productId(), delivery, 0L),
                        EventMetadata.empty().withActor("demo-data"));
                stocked++;
            } catch (WrongExpectedVersionException | RuleViolation alreadyThere) {
                log.debug("demo stock of {} already added", delivery.productId());
            }
        }
        if (stocked > 0) {
            log.info("added demo stock for {} products", stocked);
        }
    }
}
