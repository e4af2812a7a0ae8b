package dev.ordo.marketplace.catalog.app;

import dev.ordo.core.bus.command.CommandBus;
import dev.ordo.core.event.EventMetadata;
import dev.ordo.marketplace.catalog.DemoCatalog;
import dev.ordo.marketplace.catalog.RegisterProduct;
import dev.ordo.core.store.WrongExpectedVersionException;
import dev.ordo.marketplace.shared.RuleViolation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Registers the demo catalog on start (with {@code marketplace.demo-data=true}, the default). Each product is
 * registered only if its stream does not exist yet, so restarts change nothing.
 */
@Component
@ConditionalOnProperty(name = "marketplace.demo-data", havingValue = "true", matchIfMissing = true)
class DemoCatalogSeeder implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoCatalogSeeder.class);

    private final CommandBus commands;

    DemoCatalogSeeder(CommandBus commands) {
        this.commands = commands;
    }

    @Override
    public void run(ApplicationArguments args) {
        int registered = 0;
        for (RegisterProduct product : DemoCatalog.products()) {
            try {
                commands.dispatch(CatalogService.PRODUCTS.command(product.productId(), product, 0L),
                        EventMetadata.empty().withActor("demo-data"));
                registered++;
            } catch (WrongExpectedVersionException | RuleViolation alreadyThere) {
                log.debug("demo product {} already registered", product.productId());
            }
        }
        if (registered > 0) {
            log.info("registered {} demo products", registered);
        }
    }
}
