package dev.ordo.jdbc;

import dev.ordo.core.event.EventData;
import dev.ordo.core.event.StreamId;
import dev.ordo.core.store.AppendResult;
import dev.ordo.core.store.EventStoreException;
import dev.ordo.core.store.EventStoreUnavailableException;
import dev.ordo.core.store.ExpectedVersion;
import dev.ordo.core.store.TransientFailures;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongConsumer;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single writer of a store: callers queue their appends and wait; one thread takes whatever is queued (up to
 * a batch limit) and writes it in one transaction, so concurrent appends share a commit instead of each paying
 * for one. There is no waiting for a batch to fill: while one commit is in flight the next batch gathers.
 *
 * <p>The batch is planned as if its appends ran one by one in arrival order; a refused append (version
 * conflict, tombstone) does not affect the others, and is checked again alone on the slow path before it is
 * refused, because it may be the retry of an append that was already written. If the batch's transaction fails (a
 * duplicate event id, a database error), each append is retried alone on the slow path, which also recognises
 * idempotent retries, so one bad request cannot fail its neighbours.
 *
 * <p><b>Callers that give up.</b> An append waits in the queue at most the queue timeout. If its caller times out or
 * is interrupted while it is still queued, the caller withdraws it, the writer drops it unwritten, and the caller gets
 * {@link EventStoreUnavailableException#notWritten}. Withdrawing and taking an append into a batch are one
 * compare-and-set on the append each, so exactly one of them happens. Once the writer has taken an append, its caller
 * waits for that batch's outcome, through timeouts and interrupts (the interrupt flag is set again before it returns):
 * {@link #append} never returns while its events could still be committed later. That wait is bounded because the
 * writer's database work is: every call it makes is bounded (the pool's connection timeout, the dialect's lock and
 * network timeouts or SQLite's busy timeout), a batch that fails before its commit because the database is away or
 * busy is failed as a whole (nothing of it was written), and once the slow path finds the database unreachable the
 * rest of a failed batch is failed without further attempts.
 *
 * <p><b>Unknown outcomes.</b> When a commit fails in a way that leaves its fate unknown (the connection broke while the
 * commit was on its way), every append of the batch is settled on the slow path, which looks its ids up: on
 * PostgreSQL the slow path's conditional update of the head row waits for the row lock that a commit still in flight
 * holds, and the head's revision, which every write bumps, makes such a commit fail if it arrives after the slow
 * path wrote. Only when the slow path cannot reach the database either does the caller get
 * {@link EventStoreUnavailableException} with {@code mayHaveWritten() == true}; a failure before any commit was
 * attempted is reported as not written. Thread-safe.
 */
final class GroupCommitWriter implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(GroupCommitWriter.class);

    private final DataSource dataSource;
    private final Dialect dialect;
    private final Clock clock;
    private final int maxBatchEvents;
    private final Duration queueTimeout;
    private final BlockingQueue<PendingAppend> queue = new LinkedBlockingQueue<>();
    private final List<LongConsumer> commitListeners = new CopyOnWriteArrayList<>();
    private final Thread thread;
    private volatile boolean closed;

    /**
     * @param queueTimeout how long an append may wait in the queue before its caller withdraws it
     */
    GroupCommitWriter(DataSource dataSource, Dialect dialect, Clock clock, int maxBatchEvents, Duration queueTimeout) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.clock = clock;
        this.maxBatchEvents = maxBatchEvents;
        this.queueTimeout = queueTimeout;
        this.thread = Thread.ofPlatform().name("ordo-" + dialect.name() + "-writer").daemon().unstarted(this::run);
        this.thread.start();
    }

    /**
     * Queues an append and waits for its outcome; the contract of {@link dev.ordo.core.store.EventWriter#append}.
     *
     * @throws EventStoreUnavailableException {@linkplain EventStoreUnavailableException#notWritten not written} when
     *                                        the writer is closed, or the caller timed out or was interrupted while
     *                                        the append was queued (it is withdrawn; the interrupt flag stays set);
     *                                        with an unknown outcome when the database could not be reached to
     *                                        settle a commit whose answer was lost
     */
    AppendResult append(StreamId stream, ExpectedVersion expected, List<EventData> events) {
        PendingAppend request = new PendingAppend(stream, expected, events);
        synchronized (this) {
            if (closed) {
                throw EventStoreUnavailableException.notWritten("the event store is closed; the append to " + stream
                        + " was not written", null);
            }
            queue.add(request);
        }
        try {
            return request.result().get(queueTimeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            throw failure(request, e);
        } catch (TimeoutException e) {
            if (request.withdraw()) {
                throw EventStoreUnavailableException.notWritten("the append to " + stream + " waited " + queueTimeout
                        + " for the writer and was withdrawn; nothing was written", null);
            }
            return awaitOutcome(request);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            if (request.withdraw()) {
                throw EventStoreUnavailableException.notWritten("interrupted while the append to " + stream
                        + " was queued; it was withdrawn and nothing was written", e);
            }
            return awaitOutcome(request);
        }
    }

    /** Waits for the outcome of an append the writer has taken, through interrupts, which it keeps for the caller. */
    private static AppendResult awaitOutcome(PendingAppend request) {
        boolean interrupted = Thread.interrupted();
        try {
            while (true) {
                try {
                    return request.result().get();
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    throw failure(request, e);
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static EventStoreException failure(PendingAppend request, ExecutionException e) {
        return SqlErrors.append(request.stream().value(), e.getCause(), true);
    }

    /** How many appends wait in the queue, withdrawn ones included until the writer drops them. */
    int queued() {
        return queue.size();
    }

    /** Called with the new head position after every commit that wrote events, on the writer thread. */
    void onCommit(LongConsumer listener) {
        commitListeners.add(listener);
    }

    private void run() {
        List<PendingAppend> batch = new ArrayList<>();
        while (!closed || !queue.isEmpty()) {
            try {
                batch.clear();
                if (takeBatch(batch)) {
                    write(batch);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (RuntimeException | Error e) {
                log.error("the event store writer failed unexpectedly; failing the current batch", e);
                batch.forEach(request -> fail(request, e, true));
            }
        }
        EventStoreUnavailableException gone = EventStoreUnavailableException.notWritten(
                "the event store closed before the append was written", null);
        for (PendingAppend left; (left = queue.poll()) != null; ) {
            if (left.take()) {
                left.result().completeExceptionally(gone);
            }
        }
    }

    /**
     * Takes the first queued append (waiting briefly for one) and whatever is queued behind it, up to the batch limit;
     * withdrawn appends are dropped on the way. False when there is nothing to write.
     */
    private boolean takeBatch(List<PendingAppend> batch) throws InterruptedException {
        PendingAppend first = queue.poll(50, TimeUnit.MILLISECONDS);
        if (first == null || !first.take()) {
            return false;
        }
        batch.add(first);
        int events = first.events().size();
        for (PendingAppend next; (next = queue.peek()) != null; ) {
            if (!next.withdrawn() && events + next.events().size() > maxBatchEvents) {
                break;
            }
            queue.poll();
            if (next.take()) {
                batch.add(next);
                events += next.events().size();
            }
        }
        return true;
    }

    private void write(List<PendingAppend> batch) {
        try {
            commit(batch, false);
        } catch (Exception batchFailure) {
            boolean inDoubt = CommitInDoubtException.isIn(batchFailure);
            if (!inDoubt && TransientFailures.isTransient(batchFailure)) {
                // no commit was attempted, and the database is away or busy rather than refusing one of the appends:
                // retrying each alone could not help, and would make their callers wait once more per append
                log.debug("batch of {} appends failed before its commit ({}); none was written", batch.size(),
                        batchFailure.toString());
                batch.forEach(request -> fail(request, batchFailure, false));
                return;
            }
            if (inDoubt) {
                batch.forEach(PendingAppend::markInDoubt);
            }
            log.debug("batch of {} appends failed ({}{}); retrying each alone", batch.size(), batchFailure,
                    inDoubt ? ", its commit is in doubt" : "");
            retryAlone(batch);
        }
    }

    /**
     * Retries each append of a failed batch alone on the slow path, which settles a commit in doubt. Once an attempt
     * fails for a reason outside the request (the database is unreachable or busy), the rest fail at once, so a dead
     * database costs one attempt, not one per append.
     */
    private void retryAlone(List<PendingAppend> batch) {
        Exception unreachable = null;
        for (PendingAppend request : batch) {
            if (unreachable != null) {
                fail(request, unreachable, false);
                continue;
            }
            try {
                commit(List.of(request), true);
            } catch (Exception alone) {
                fail(request, alone, CommitInDoubtException.isIn(alone));
                if (TransientFailures.isTransient(alone)) {
                    unreachable = alone;
                }
            }
        }
    }

    private void commit(List<PendingAppend> batch, boolean lookupIds) throws Exception {
        BatchPlan plan;
        try (Connection connection = dataSource.getConnection()) {
            plan = dialect.appendBatch(connection, batch, lookupIds, Dialect.truncateToMicros(clock.instant()));
        }
        List<PendingAppend> recheck = new ArrayList<>();
        for (BatchPlan.Outcome outcome : plan.outcomes()) {
            if (outcome.failure() != null && !lookupIds) {
                recheck.add(outcome.request());
            } else {
                outcome.complete();
            }
        }
        if (plan.writes()) {
            for (LongConsumer listener : commitListeners) {
                try {
                    listener.accept(plan.newHead());
                } catch (RuntimeException e) {
                    log.warn("a commit listener failed", e);
                }
            }
        }
        for (PendingAppend refused : recheck) {
            try {
                commit(List.of(refused), true);
            } catch (Exception e) {
                fail(refused, e, CommitInDoubtException.isIn(e));
            }
        }
    }

    /** Fails an append; it may have been written when this or an earlier attempt left its commit in doubt. */
    private static void fail(PendingAppend request, Throwable error, boolean inDoubt) {
        if (inDoubt) {
            request.markInDoubt();
        }
        request.result().completeExceptionally(SqlErrors.append(request.stream().value(), error, request.inDoubt()));
    }

    @Override
    public void close() {
        synchronized (this) {
            closed = true;
        }
        try {
            thread.join(queueTimeout.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
