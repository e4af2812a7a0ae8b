package dev.ordo.marketplace.inventory.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ordo.core.bus.command.CommandBus;
import dev.ordo.core.bus.command.SimpleCommandBus;
import dev.ordo.core.event.EventMetadata;
import dev.ordo.core.event.EventTypeRegistry;
import dev.ordo.core.event.RecordedEvent;
import dev.ordo.core.snapshot.SnapshotPolicy;
import dev.ordo.jackson.JacksonEventSerializer;
import dev.ordo.jdbc.JdbcEventStore;
import dev.ordo.jdbc.JdbcSnapshotStore;
import dev.ordo.jdbc.OrdoDatabase;
import dev.ordo.marketplace.platform.wiring.EventJson;
import dev.ordo.marketplace.inventory.AddStock;
import dev.ordo.marketplace.inventory.InventoryRuleViolation;
import dev.ordo.marketplace.inventory.ReserveStock;
import dev.ordo.marketplace.inventory.Stock;
import dev.ordo.marketplace.inventory.StockCommand;
import dev.ordo.marketplace.inventory.StockEvent;
import dev.ordo.marketplace.shared.ProductId;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Many customers reach for the last units of a product at the same moment, through the marketplace's real command
 * handling (the bus with its per-stock lock, {@link InventoryService} with snapshots, the JDBC store on SQLite).
 */
class ConcurrentReservationsIntegrationTests {

    private static final int RACERS = 32;
    private static final int LAST_UNITS = 10;

    @TempDir
    Path folder;

    @Test
    void thirtyTwoSimultaneousReservationsOfTheLastTenUnitsReserveExactlyTenAndNeverGoNegative() throws Exception {
        ProductId product = ProductId.of(UUID.randomUUID());
        Instant now = Instant.parse("2026-11-22T10:00:00Z");
        try (OrdoDatabase database = OrdoDatabase.sqlite(folder.resolve("ordo.db"));
             JdbcEventStore store = JdbcEventStore.builder(database).build()) {
            JacksonEventSerializer serializer = JacksonEventSerializer.builder(
                    EventTypeRegistry.builder().registerSealed(StockEvent.class).build()).mapper(EventJson.mapper())
                    .build();
            InventoryService inventory = new InventoryService(store, serializer, JdbcSnapshotStore.create(database),
                    SnapshotPolicy.everyNEvents(5), StockStateCodec.create(EventJson.mapper()));
            CommandBus commands = SimpleCommandBus.builder()
                    .registerStreams(StockCommand.class, inventory.streams().handler())
                    .combineStreamCommands(256, Duration.ofSeconds(30))
                    .build();
            commands.dispatch(InventoryService.STOCK.command(product, new AddStock(product, LAST_UNITS, now)),
                    EventMetadata.empty());

            CountDownLatch go = new CountDownLatch(1);
            ConcurrentLinkedQueue<String> refusals = new ConcurrentLinkedQueue<>();
            List<Future<Boolean>> racers = new ArrayList<>();
            try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int i = 0; i < RACERS; i++) {
                    String reservation = "customer-" + i;
                    racers.add(threads.submit(() -> {
                        go.await();
                        try {
                            commands.dispatch(InventoryService.STOCK.command(product,
                                    new ReserveStock(reservation, 1, now)), EventMetadata.empty());
                            return true;
                        } catch (InventoryRuleViolation refused) {
                            refusals.add(refused.rule());
                            return false;
                        }
                    }));
                }
                go.countDown();
                long reserved = 0;
                for (Future<Boolean> racer : racers) {
                    reserved += racer.get() ? 1 : 0;
                }
                assertThat(reserved).isEqualTo(LAST_UNITS);
            }

            assertThat(refusals).hasSize(RACERS - LAST_UNITS).containsOnly("insufficient-stock");
            Stock.Stocked stock = (Stock.Stocked) inventory.streams().load(product).state();
            assertThat(stock.available()).isZero();
            assertThat(stock.reserved()).isEqualTo(LAST_UNITS);
            List<RecordedEvent> history = store.readStreamForwards(InventoryService.STOCK.stream(product), 1, 1_000);
            assertThat(history).extracting(RecordedEvent::eventType).filteredOn("stock.reserved"::equals)
                    .hasSize(LAST_UNITS);
            assertThat(history).map(e -> ((StockEvent) serializer.deserialize(e)).available())
                    .allSatisfy(available -> assertThat(available).isNotNegative());
        }
    }
}
