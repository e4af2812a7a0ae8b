package dev.ordo.marketplace.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ordo.core.bus.NoHandlerException;
import dev.ordo.core.bus.command.CommandBus;
import dev.ordo.core.bus.command.SimpleCommandBus;
import dev.ordo.core.bus.command.StreamCommand;
import dev.ordo.core.command.CommandHandler;
import dev.ordo.core.event.EventMetadata;
import dev.ordo.core.event.EventTypeRegistry;
import dev.ordo.core.event.RecordedEvent;
import dev.ordo.core.event.StreamId;
import dev.ordo.core.store.InMemoryEventStore;
import dev.ordo.jackson.JacksonEventSerializer;
import dev.ordo.marketplace.platform.wiring.EventJson;
import dev.ordo.marketplace.inventory.AddStock;
import dev.ordo.marketplace.inventory.StockCommand;
import dev.ordo.marketplace.inventory.StockDecider;
import dev.ordo.marketplace.inventory.StockEvent;
import dev.ordo.marketplace.inventory.app.InventoryService;
import dev.ordo.marketplace.shared.ProductId;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Demo data is written once per stream: seeding again, after a restart or from a second instance, adds nothing. */
class DemoDataUnitTests {

    private static final Instant NOW = Instant.parse("2025-01-01T08:00:00Z");

    private final InMemoryEventStore store = new InMemoryEventStore();
    private final CommandBus commands = SimpleCommandBus.builder()
            .registerStreams(StockCommand.class, CommandHandler.builder(new StockDecider(), StockEvent.class, store,
                    JacksonEventSerializer.builder(EventTypeRegistry.builder().registerSealed(StockEvent.class).build())
                            .mapper(EventJson.mapper()).build()).build())
            .build();
    private final ProductId first = ProductId.of(UUID.randomUUID());
    private final ProductId second = ProductId.of(UUID.randomUUID());

    @Test
    void seedsEveryStreamThatDoesNotExistYetAsTheDemoDataActor() {
        int written = DemoData.seed(commands, "stocks", List.of(delivery(first, 5), delivery(second, 7)));

        assertThat(written).isEqualTo(2);
        assertThat(events(first)).singleElement()
                .satisfies(event -> assertThat(event.metadata().actor()).isEqualTo(DemoData.ACTOR));
        assertThat(events(second)).hasSize(1);
    }

    @Test
    void skipsAStreamThatExistsAlreadyWhateverVersionItsCommandNames() {
        commands.dispatch(delivery(first, 5), EventMetadata.empty());

        int written = DemoData.seed(commands, "stocks", List.of(delivery(first, 5), delivery(second, 7)));

        assertThat(written).isEqualTo(1);
        assertThat(events(first)).hasSize(1);
        assertThat(DemoData.seed(commands, "stocks", List.of(delivery(first, 5), delivery(second, 7)))).isZero();
    }

    @Test
    void stopsAtAFailureThatIsNotAStreamThatExistsAlready() {
        assertThatThrownBy(() -> DemoData.seed(commands, "numbers", List.of(StreamCommand.to(StreamId.of("n-1"), 1))))
                .isInstanceOf(NoHandlerException.class);
    }

    private static StreamCommand<StockCommand> delivery(ProductId product, int units) {
        return InventoryService.STOCK.command(product, new AddStock(product, units, NOW));
    }

    private List<RecordedEvent> events(ProductId product) {
        return store.readStreamForwards(InventoryService.STOCK.stream(product));
    }
}
