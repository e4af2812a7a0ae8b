package dev.ordo.jdbc;

import dev.ordo.core.event.EventData;
import dev.ordo.core.event.StreamId;
import dev.ordo.core.store.AppendResult;
import dev.ordo.core.store.EventStoreException;
import dev.ordo.core.store.EventStoreUnavailableException;
import dev.ordo.core.store.ExpectedVersion;
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
 * refused, because it may be the retry of an append that was already written. If the batch's transaction fails (a duplicate event id, a
 * database error), each append is retried alone on the slow path, which also recognises idempotent retries, so
 * one bad request cannot fail its neighbours. Thread-safe.
 */
final class GroupCommitWriter implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(GroupCommitWriter.class);

    private final DataSource dataSource;
    private final Dialect dialect;
    private final Clock clock;
    private final int maxBatchEvents;
    private final Duration timeout;
    private final BlockingQueue<PendingAppend> queue = new LinkedBlockingQueue<>();
    private final List<LongConsumer> commitListeners = new CopyOnWriteArrayList<>();
    private final Thread thread;
    private volatile boolean closed;

    GroupCommitWriter(DataSource dataSource, Dialect dialect, Clock clock, int maxBatchEvents, Duration timeout) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.clock = clock;
        this.maxBatchEvents = maxBatchEvents;
        this.timeout = timeout;
        this.thread = Thread.ofPlatform().name("ordo-" + dialect.name() + "-writer").daemon().unstarted(this::run);
        this.thread.start();
    }

    /** Queues an append and waits for its outcome. */
    AppendResult append(StreamId stream, ExpectedVersion expected, List<EventData> events) {
        PendingAppend request = new PendingAppend(stream, expected, events);
        synchronized (this) {
            if (closed) {
                throw new EventStoreUnavailableException("the event store is closed");
            }
            queue.add(request);
        }
        try {
            return request.result().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof EventStoreException typed) {
                throw typed;
            }
            throw SqlErrors.append(stream.value(), e.getCause());
        } catch (TimeoutException e) {
            throw new EventStoreUnavailableException("append to " + stream + " got no outcome within " + timeout
                    + "; it may still be written, retrying with the same event ids is safe");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EventStoreUnavailableException("interrupted while appending to " + stream
                    + "; it may still be written, retrying with the same event ids is safe", e);
        }
    }

    /** Called with the new head position after every commit that wrote events, on the writer thread. */
    void onCommit(LongConsumer listener) {
        commitListeners.add(listener);
    }

    private void run() {
        List<PendingAppend> batch = new ArrayList<>();
        while (!closed || !queue.isEmpty()) {
            try {
                PendingAppend first = queue.poll(50, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.clear();
                batch.add(first);
                int events = first.events().size();
                PendingAppend next;
                while ((next = queue.peek()) != null && events + next.events().size() <= maxBatchEvents) {
                    batch.add(queue.poll());
                    events += next.events().size();
                }
                write(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (RuntimeException | Error e) {
                log.error("the event store writer failed unexpectedly; failing the current batch", e);
                batch.forEach(r -> r.result().completeExceptionally(e));
            }
        }
        EventStoreUnavailableException gone = new EventStoreUnavailableException("the event store is closed");
        for (PendingAppend left; (left = queue.poll()) != null; ) {
            left.result().completeExceptionally(gone);
        }
    }

    private void write(List<PendingAppend> batch) {
        try {
            commit(batch, false);
        } catch (Exception batchFailure) {
            log.debug("batch of {} appends failed ({}); retrying each alone", batch.size(), batchFailure.toString());
            for (PendingAppend request : batch) {
                try {
                    commit(List.of(request), true);
                } catch (Exception alone) {
                    request.result().completeExceptionally(SqlErrors.append(request.stream().value(), alone));
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
                refused.result().completeExceptionally(SqlErrors.append(refused.stream().value(), e));
            }
        }
    }

    @Override
    public void close() {
        synchronized (this) {
            closed = true;
        }
        try {
            thread.join(timeout.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
