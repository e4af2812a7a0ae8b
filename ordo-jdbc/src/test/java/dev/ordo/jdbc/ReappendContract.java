package dev.ordo.jdbc;

import static dev.ordo.test.contract.ContractEvents.itemAdded;
import static dev.ordo.test.contract.ContractEvents.itemsAdded;
import static dev.ordo.test.contract.ContractEvents.uniqueStream;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ordo.core.event.EventData;
import dev.ordo.core.event.StreamId;
import dev.ordo.core.store.AppendResult;
import dev.ordo.core.store.DuplicateEventIdException;
import dev.ordo.core.store.ExpectedVersion;
import dev.ordo.test.faults.FaultyDataSource;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Re-appends of stored ids through the group-commit writer, where they share a batch with other appends. */
abstract class ReappendContract {

    private final ExecutorService callers = Executors.newCachedThreadPool();
    private final WriterGate gate = new WriterGate();
    protected JdbcEventStore store;

    /** The database under test, empty or not; every test writes its own streams. */
    protected abstract OrdoDatabase database();

    /** Called after each test's store is closed. */
    protected void closeDatabase() {
    }

    @BeforeEach
    void openStore() {
        store = JdbcEventStore.create(database().withWriter(FaultyDataSource.wrap(database().writeDataSource())
                .inject(gate)));
    }

    @AfterEach
    void closeStore() {
        gate.open();
        callers.shutdownNow();
        store.close();
        closeDatabase();
    }

    @Test
    void aConflictingReappendInABatchIsRefusedAloneWhileItsNeighboursAreWritten() throws Exception {
        StreamId stream = uniqueStream("cart");
        EventData original = itemAdded("sku-1", 1);
        store.append(stream, ExpectedVersion.noStream(), List.of(original));
        EventData changed = new EventData(original.eventId(), original.eventType(), original.schemaVersion(),
                "{\"sku\":\"sku-1\",\"quantity\":99,\"unitPrice\":9.99}", original.metadata());
        gate.close();
        Future<AppendResult> held = callers.submit(() -> store.append(uniqueStream("held"), ExpectedVersion.noStream(),
                itemsAdded(1)));
        gate.awaitWriter();
        Future<AppendResult> before = callers.submit(() -> store.append(uniqueStream("before"),
                ExpectedVersion.noStream(), itemsAdded(2)));
        await().atMost(Duration.ofSeconds(30)).until(() -> store.queuedAppends() == 1);
        Future<AppendResult> conflicting = callers.submit(() -> store.append(stream, ExpectedVersion.any(),
                List.of(changed)));
        await().atMost(Duration.ofSeconds(30)).until(() -> store.queuedAppends() == 2);
        Future<AppendResult> after = callers.submit(() -> store.append(uniqueStream("after"),
                ExpectedVersion.noStream(), itemsAdded(1)));
        await().atMost(Duration.ofSeconds(30)).until(() -> store.queuedAppends() == 3);

        gate.open();

        held.get(30, TimeUnit.SECONDS);
        assertThat(before.get(30, TimeUnit.SECONDS).eventCount()).isEqualTo(2);
        assertThat(after.get(30, TimeUnit.SECONDS).eventCount()).isEqualTo(1);
        assertThat(catchCause(conflicting)).isInstanceOf(DuplicateEventIdException.class)
                .hasMessageContaining(original.eventId() + " is stored with another payload");
        assertThat(store.readStreamForwards(stream, 1, 10)).hasSize(1);
        LogAssertions.wholeLogGapFree(store);
    }

    private static Throwable catchCause(Future<?> future) throws Exception {
        try {
            future.get(30, TimeUnit.SECONDS);
            return null;
        } catch (ExecutionException e) {
            return e.getCause();
        }
    }
}
