package dev.ordo.jdbc;

import static dev.ordo.jdbc.LogAssertions.appearsOnceAt;
import static dev.ordo.jdbc.LogAssertions.wholeLogGapFree;
import static dev.ordo.test.contract.ContractEvents.itemsAdded;
import static dev.ordo.test.contract.ContractEvents.uniqueStream;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import dev.ordo.core.event.EventData;
import dev.ordo.core.event.RecordedEvent;
import dev.ordo.core.event.StreamId;
import dev.ordo.core.store.AppendResult;
import dev.ordo.core.store.EventStoreUnavailableException;
import dev.ordo.core.store.ExpectedVersion;
import dev.ordo.test.faults.FaultyDataSource;
import dev.ordo.test.faults.FaultyDataSource.Call;
import dev.ordo.test.faults.FaultyDataSource.When;
import dev.ordo.test.faults.SeededFaults;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Faults at each boundary of an append, injected into the JDBC calls of the real writer: before its commit (nothing
 * is written) and after it (written, but the answer is lost), with the database reachable afterwards (the writer's slow
 * path settles the outcome itself) or not (the caller hears an unknown outcome, and its retry with the same event ids
 * settles it). Whatever happens, {@code $all} stays gap-free and every acknowledged append is in it exactly once.
 */
abstract class AppendFaultPointsContract {

    private static final Logger log = LoggerFactory.getLogger(AppendFaultPointsContract.class);

    private final ExecutorService callers = Executors.newCachedThreadPool();
    private final WriterGate gate = new WriterGate();
    private FaultyDataSource writes;
    private JdbcEventStore store;

    /** The database under test, empty or not; every test writes its own streams. */
    protected abstract OrdoDatabase database();

    /** The call that commits an append's transaction in this dialect. */
    protected abstract Predicate<Call> commitPoint();

    /** Called after each test's store is closed. */
    protected void closeDatabase() {
    }

    @BeforeEach
    void openStore() {
        writes = FaultyDataSource.wrap(database().writeDataSource()).inject(gate);
        store = JdbcEventStore.create(database().withWriter(writes));
    }

    @AfterEach
    void closeStore() {
        writes.heal();
        gate.open();
        callers.shutdownNow();
        store.close();
        closeDatabase();
    }

    @Test
    void aCommitThatFailsBeforeItIsSentIsSettledByTheWriterWritingTheAppendOnce() {
        List<EventData> events = itemsAdded(2);
        writes.fail(When.BEFORE, commitPoint(), 1, () -> FaultyDataSource.connectionLost("before the commit"));

        AppendResult result = store.append(uniqueStream("cart"), ExpectedVersion.noStream(), events);

        assertThat(writes.injected()).isEqualTo(1);
        appearsOnceAt(wholeLogGapFree(store), events, result);
    }

    @Test
    void aCommitWhoseAnswerIsLostIsSettledByTheWriterWithTheOriginalResult() {
        List<EventData> events = itemsAdded(3);
        writes.fail(When.AFTER, commitPoint(), 1, () -> FaultyDataSource.connectionLost("after the commit"));

        AppendResult result = store.append(uniqueStream("cart"), ExpectedVersion.noStream(), events);

        assertThat(writes.injected()).isEqualTo(1);
        appearsOnceAt(wholeLogGapFree(store), events, result);
    }

    @Test
    void aLostCommitAnswerThatCannotBeSettledIsAnUnknownOutcomeWhoseRetryReturnsTheOriginalResult() {
        StreamId stream = uniqueStream("cart");
        List<EventData> events = itemsAdded(2);
        failEveryConnectionAfterTheCommitFails(When.AFTER);

        Throwable failure = catchThrowable(() -> store.append(stream, ExpectedVersion.noStream(), events));

        assertThat(failure).isInstanceOfSatisfying(EventStoreUnavailableException.class,
                e -> assertThat(e.mayHaveWritten()).isTrue());
        writes.heal();
        long head = store.headPosition();
        AppendResult retried = store.append(stream, ExpectedVersion.noStream(), events);
        assertThat(store.headPosition()).as("the retry wrote nothing more").isEqualTo(head);
        appearsOnceAt(wholeLogGapFree(store), events, retried);
    }

    @Test
    void aFailedCommitThatCannotBeSettledIsAnUnknownOutcomeWhoseRetryWritesTheAppendOnce() {
        StreamId stream = uniqueStream("cart");
        List<EventData> events = itemsAdded(2);
        failEveryConnectionAfterTheCommitFails(When.BEFORE);

        Throwable failure = catchThrowable(() -> store.append(stream, ExpectedVersion.noStream(), events));

        assertThat(failure).isInstanceOfSatisfying(EventStoreUnavailableException.class,
                e -> assertThat(e.mayHaveWritten()).isTrue());
        assertThat(store.streamInfo(stream)).isEmpty();
        writes.heal();
        AppendResult retried = store.append(stream, ExpectedVersion.noStream(), events);
        appearsOnceAt(wholeLogGapFree(store), events, retried);
    }

    @Test
    void anAppendThatCannotReachTheDatabaseIsNotWrittenAndItsRetryWritesItOnce() {
        StreamId stream = uniqueStream("cart");
        List<EventData> events = itemsAdded(1);
        writes.fail(When.BEFORE, call -> call.kind() == Call.Kind.CONNECT, Integer.MAX_VALUE,
                () -> FaultyDataSource.connectionLost("while connecting"));

        Throwable failure = catchThrowable(() -> store.append(stream, ExpectedVersion.noStream(), events));

        assertThat(failure).isInstanceOfSatisfying(EventStoreUnavailableException.class,
                e -> assertThat(e.mayHaveWritten()).isFalse());
        writes.heal();
        assertThat(store.streamInfo(stream)).isEmpty();
        AppendResult retried = store.append(stream, ExpectedVersion.noStream(), events);
        appearsOnceAt(wholeLogGapFree(store), events, retried);
    }

    @Test
    void everyAppendOfABatchWhoseCommitAnswerIsLostHearsItsOriginalResult() throws Exception {
        gate.close();
        Future<AppendResult> held = callers.submit(() -> store.append(uniqueStream("held"), ExpectedVersion.noStream(),
                itemsAdded(1)));
        gate.awaitWriter();
        List<List<EventData>> appends = new ArrayList<>();
        List<Future<AppendResult>> results = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            List<EventData> events = itemsAdded(i);
            StreamId stream = uniqueStream("batch");
            appends.add(events);
            results.add(callers.submit(() -> store.append(stream, ExpectedVersion.noStream(), events)));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> store.queuedAppends() == 5);
        AtomicInteger commits = new AtomicInteger();
        writes.inject((when, call) -> {
            if (when == When.AFTER && commitPoint().test(call) && commits.incrementAndGet() == 2) {
                throw FaultyDataSource.connectionLost("after the batch's commit");
            }
        });

        gate.open();

        held.get(30, TimeUnit.SECONDS);
        List<AppendResult> acknowledged = new ArrayList<>();
        for (Future<AppendResult> result : results) {
            acknowledged.add(result.get(30, TimeUnit.SECONDS));
        }
        assertThat(writes.injected()).isEqualTo(1);
        List<RecordedEvent> log = wholeLogGapFree(store);
        for (int i = 0; i < appends.size(); i++) {
            appearsOnceAt(log, appends.get(i), acknowledged.get(i));
        }
    }

    @Test
    void aSeededScheduleOfFaultsAtEveryBoundaryLosesNothingAndWritesNothingTwice() {
        SeededFaults faults = SeededFaults.fromSystemPropertyOrRandom(getClass().getSimpleName() + ".seededSchedule");
        writes.inject((when, call) -> {
            boolean strikes = switch (call.kind()) {
                case CONNECT -> when == When.BEFORE && faults.chance(0.05);
                case ROLLBACK -> false;
                default -> commitPoint().test(call) ? faults.chance(0.12) : when == When.BEFORE && faults.chance(0.03);
            };
            if (strikes) {
                throw FaultyDataSource.connectionLost(when + " " + call.kind());
            }
        });
        List<StreamId> streams = List.of(uniqueStream("seeded"), uniqueStream("seeded"), uniqueStream("seeded"));
        long[] versions = new long[streams.size()];
        List<List<EventData>> appends = new ArrayList<>();
        List<AppendResult> acknowledged = new ArrayList<>();
        int unknown = 0;

        for (int i = 0; i < 60; i++) {
            int s = i % streams.size();
            List<EventData> events = itemsAdded(1 + faults.nextInt(3));
            ExpectedVersion expected = versions[s] == 0 ? ExpectedVersion.noStream() : ExpectedVersion.exact(versions[s]);
            boolean mayHaveWritten = false;
            AppendResult result = null;
            for (int attempt = 1; result == null; attempt++) {
                assertThat(attempt).as("a retried append is acknowledged within a few attempts; " + faults)
                        .isLessThanOrEqualTo(20);
                try {
                    result = store.append(streams.get(s), expected, events);
                } catch (EventStoreUnavailableException failure) {
                    log.debug("attempt {} of append {} failed", attempt, i, failure);
                    mayHaveWritten |= failure.mayHaveWritten();
                    unknown += failure.mayHaveWritten() ? 1 : 0;
                    if (!mayHaveWritten) {
                        assertThat(store.streamInfo(streams.get(s)).map(info -> info.version()).orElse(0L))
                                .as("an append reported as not written is not in its stream; " + faults)
                                .isEqualTo(versions[s]);
                    }
                }
            }
            appends.add(events);
            acknowledged.add(result);
            versions[s] = result.streamVersion();
        }

        log.info("{} faults injected, {} unknown outcomes settled by retries; {}", writes.injected(), unknown, faults);
        List<RecordedEvent> events = wholeLogGapFree(store);
        for (int i = 0; i < appends.size(); i++) {
            appearsOnceAt(events, appends.get(i), acknowledged.get(i));
        }
    }

    /** The next commit fails at {@code when}, and from then on every new connection fails until the test heals. */
    private void failEveryConnectionAfterTheCommitFails(When when) {
        AtomicInteger struck = new AtomicInteger();
        writes.inject((at, call) -> {
            if (at == when && commitPoint().test(call) && struck.getAndIncrement() == 0) {
                throw FaultyDataSource.connectionLost((when == When.BEFORE ? "before" : "after") + " the commit");
            }
            if (at == When.BEFORE && call.kind() == Call.Kind.CONNECT && struck.get() > 0) {
                throw FaultyDataSource.connectionLost("while the database is unreachable");
            }
        });
    }
}
