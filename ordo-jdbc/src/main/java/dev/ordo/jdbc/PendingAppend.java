package dev.ordo.jdbc;

import dev.ordo.core.event.EventData;
import dev.ordo.core.event.StreamId;
import dev.ordo.core.store.AppendResult;
import dev.ordo.core.store.ExpectedVersion;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One validated append on its way through the writer. It is queued, then either {@linkplain #take() taken} by the
 * writer, which from then on always completes its {@link #result()} with the outcome, or {@linkplain #withdraw()
 * withdrawn} by its caller, which the writer then drops unwritten. One compare-and-set decides which, so exactly one of
 * the two happens. Thread-safe; {@link #markInDoubt()} and {@link #inDoubt()} belong to the writer thread.
 */
final class PendingAppend {

    private static final int QUEUED = 0;
    private static final int TAKEN = 1;
    private static final int WITHDRAWN = 2;

    private final StreamId stream;
    private final ExpectedVersion expected;
    private final List<EventData> events;
    private final CompletableFuture<AppendResult> result = new CompletableFuture<>();
    private final AtomicInteger state = new AtomicInteger(QUEUED);
    private boolean inDoubt;

    PendingAppend(StreamId stream, ExpectedVersion expected, List<EventData> events) {
        this.stream = stream;
        this.expected = expected;
        this.events = List.copyOf(events);
    }

    StreamId stream() {
        return stream;
    }

    ExpectedVersion expected() {
        return expected;
    }

    List<EventData> events() {
        return events;
    }

    /** Completed by the writer once it knows the outcome; never completed for a withdrawn append. */
    CompletableFuture<AppendResult> result() {
        return result;
    }

    /** The writer claims the append for a batch; false when its caller withdrew it first. */
    boolean take() {
        return state.compareAndSet(QUEUED, TAKEN);
    }

    /** The caller withdraws the append; false when the writer took it first. */
    boolean withdraw() {
        return state.compareAndSet(QUEUED, WITHDRAWN);
    }

    boolean withdrawn() {
        return state.get() == WITHDRAWN;
    }

    /** An attempt to commit this append got no answer: until an attempt settles it, it may have been written. */
    void markInDoubt() {
        inDoubt = true;
    }

    boolean inDoubt() {
        return inDoubt;
    }
}
