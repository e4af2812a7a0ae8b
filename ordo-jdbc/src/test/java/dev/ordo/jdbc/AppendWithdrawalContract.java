package dev.ordo.jdbc;

import static dev.ordo.test.contract.ContractEvents.itemsAdded;
import static dev.ordo.test.contract.ContractEvents.uniqueStream;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import dev.ordo.core.event.EventData;
import dev.ordo.core.event.RecordedEvent;
import dev.ordo.core.event.StreamId;
import dev.ordo.core.store.AppendResult;
import dev.ordo.core.store.EventStoreUnavailableException;
import dev.ordo.core.store.ExpectedVersion;
import dev.ordo.test.faults.FaultyDataSource;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A caller that gives up never leaves an append that commits later unseen: an append still queued when its caller
 * times out or is interrupted is withdrawn and never written ({@code mayHaveWritten() == false}); one the writer has
 * taken is waited for, and its caller hears the true outcome. The writer is held at a gate (its next connection) so
 * that what is queued and what is taken is known exactly.
 */
abstract class AppendWithdrawalContract {

    private static final Duration SHORT_TIMEOUT = Duration.ofMillis(200);
    private static final Duration LONG_TIMEOUT = Duration.ofSeconds(30);

    private final WriterGate gate = new WriterGate();
    private final ExecutorService callers = Executors.newCachedThreadPool();
    private JdbcEventStore store;

    /** The database under test, empty or not; every test writes its own streams. */
    protected abstract OrdoDatabase database();

    /** Called after each test's store is closed. */
    protected void closeDatabase() {
    }

    /** A store whose appends may wait {@code appendTimeout} in the queue, and whose writer stops at the gate. */
    private void openStore(Duration appendTimeout) {
        FaultyDataSource writes = FaultyDataSource.wrap(database().writeDataSource()).inject(gate);
        store = JdbcEventStore.builder(database().withWriter(writes)).appendTimeout(appendTimeout).build();
    }

    @AfterEach
    void closeStore() {
        gate.open();
        callers.shutdownNow();
        if (store != null) {
            store.close();
        }
        closeDatabase();
    }

    @Test
    void anAppendThatTimesOutWhileQueuedIsWithdrawnAndNeverWritten() throws Exception {
        openStore(SHORT_TIMEOUT);
        StreamId held = uniqueStream("held");
        StreamId late = uniqueStream("late");
        List<EventData> withdrawn = itemsAdded(2);
        gate.close();
        Future<AppendResult> taken = callers.submit(() -> store.append(held, ExpectedVersion.noStream(), itemsAdded(1)));
        gate.awaitWriter();

        assertThatThrownBy(() -> store.append(late, ExpectedVersion.noStream(), withdrawn))
                .isInstanceOfSatisfying(EventStoreUnavailableException.class,
                        e -> assertThat(e.mayHaveWritten()).isFalse());
        gate.open();

        AppendResult written = taken.get(30, TimeUnit.SECONDS);
        drainWriter();
        assertThat(store.streamInfo(late)).isEmpty();
        assertThat(loggedIds()).doesNotContainAnyElementsOf(ids(withdrawn));
        assertThat(store.readStreamForwards(held, 1, 10)).extracting(RecordedEvent::position)
                .containsExactly(written.firstPosition());
    }

    @Test
    void anAppendInterruptedWhileQueuedIsWithdrawnNeverWrittenAndKeepsTheInterrupt() throws Exception {
        openStore(LONG_TIMEOUT);
        StreamId held = uniqueStream("held");
        StreamId late = uniqueStream("late");
        List<EventData> withdrawn = itemsAdded(1);
        gate.close();
        Future<AppendResult> taken = callers.submit(() -> store.append(held, ExpectedVersion.noStream(), itemsAdded(1)));
        gate.awaitWriter();

        Thread.currentThread().interrupt();
        Throwable failure = catchThrowable(() -> store.append(late, ExpectedVersion.noStream(), withdrawn));
        boolean keptInterrupt = Thread.interrupted();

        assertThat(keptInterrupt).isTrue();
        assertThat(failure).isInstanceOfSatisfying(EventStoreUnavailableException.class,
                e -> assertThat(e.mayHaveWritten()).isFalse());
        gate.open();
        taken.get(30, TimeUnit.SECONDS);
        drainWriter();
        assertThat(store.streamInfo(late)).isEmpty();
        assertThat(loggedIds()).doesNotContainAnyElementsOf(ids(withdrawn));
    }

    @Test
    void anAppendTakenByTheWriterWhoseCallerIsInterruptedReturnsItsTrueResultAfterTheCommit() throws Exception {
        openStore(SHORT_TIMEOUT);
        StreamId stream = uniqueStream("taken");
        CompletableFuture<AppendResult> outcome = new CompletableFuture<>();
        AtomicBoolean keptInterrupt = new AtomicBoolean();
        gate.close();
        Thread caller = Thread.ofPlatform().start(() -> {
            try {
                outcome.complete(store.append(stream, ExpectedVersion.noStream(), itemsAdded(2)));
            } catch (RuntimeException e) {
                outcome.completeExceptionally(e);
            }
            keptInterrupt.set(Thread.currentThread().isInterrupted());
        });
        gate.awaitWriter();

        caller.interrupt();
        gate.open();

        AppendResult result = outcome.get(30, TimeUnit.SECONDS);
        caller.join();
        assertThat(keptInterrupt).isTrue();
        assertThat(store.readStreamForwards(stream, 1, 10)).extracting(RecordedEvent::position)
                .containsExactly(result.firstPosition(), result.lastPosition());
    }

    @Test
    void aWithdrawnAppendDoesNotDisturbTheOthersOfItsBatch() throws Exception {
        openStore(LONG_TIMEOUT);
        List<Long> commits = new CopyOnWriteArrayList<>();
        store.onCommit(commits::add);
        StreamId withdrawnStream = uniqueStream("withdrawn");
        gate.close();
        Future<AppendResult> held = callers.submit(() -> store.append(uniqueStream("held"), ExpectedVersion.noStream(),
                itemsAdded(1)));
        gate.awaitWriter();
        Future<AppendResult> before = callers.submit(() -> store.append(uniqueStream("before"),
                ExpectedVersion.noStream(), itemsAdded(2)));
        await().atMost(Duration.ofSeconds(30)).until(() -> store.queuedAppends() == 1);
        Thread.currentThread().interrupt();
        Throwable withdrawn = catchThrowable(() -> store.append(withdrawnStream, ExpectedVersion.noStream(),
                itemsAdded(3)));
        Thread.interrupted();
        Future<AppendResult> after = callers.submit(() -> store.append(uniqueStream("after"),
                ExpectedVersion.noStream(), itemsAdded(1)));
        await().atMost(Duration.ofSeconds(30)).until(() -> store.queuedAppends() == 3);

        gate.open();

        held.get(30, TimeUnit.SECONDS);
        AppendResult first = before.get(30, TimeUnit.SECONDS);
        AppendResult second = after.get(30, TimeUnit.SECONDS);
        assertThat(withdrawn).isInstanceOfSatisfying(EventStoreUnavailableException.class,
                e -> assertThat(e.mayHaveWritten()).isFalse());
        // commit listeners run after the appenders were answered: wait for the second batch's notification
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(commits)
                .as("the held batch, then one batch of the two appends queued around the withdrawn one").hasSize(2));
        assertThat(second.firstPosition()).isEqualTo(first.lastPosition() + 1);
        assertThat(store.streamInfo(withdrawnStream)).isEmpty();
    }

    /** Returns once the writer has handled everything queued before this call. */
    private void drainWriter() {
        store.append(uniqueStream("drain"), ExpectedVersion.noStream(), itemsAdded(1));
    }

    private List<UUID> loggedIds() {
        return store.readAll(1, 10_000).stream().map(RecordedEvent::eventId).toList();
    }

    private static List<UUID> ids(List<EventData> events) {
        return events.stream().map(EventData::eventId).toList();
    }
}
