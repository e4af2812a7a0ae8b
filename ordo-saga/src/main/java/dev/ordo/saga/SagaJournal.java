package dev.ordo.saga;

import dev.ordo.core.event.EventData;
import dev.ordo.core.event.EventMetadata;
import dev.ordo.core.event.EventSerializer;
import dev.ordo.core.event.RecordedEvent;
import dev.ordo.core.event.StreamId;
import dev.ordo.core.store.EventStore;
import dev.ordo.core.store.ExpectedVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * Reads and writes one saga's stream. Appends are serialized and made at exactly the version this journal last
 * saw, so if another process drives the same saga, one of them gets a version conflict and backs off.
 * Thread-safe: steps of a parallel group record their outcomes through the same journal.
 */
final class SagaJournal {

    private static final int PAGE = 1_000;

    private final EventStore store;
    private final EventSerializer serializer;
    private final StreamId stream;
    private final ReentrantLock lock = new ReentrantLock();
    private volatile SagaState state;
    private volatile String traceParent;

    private SagaJournal(EventStore store, EventSerializer serializer, StreamId stream, SagaState state,
                        String traceParent) {
        this.store = store;
        this.serializer = serializer;
        this.stream = stream;
        this.state = state;
        this.traceParent = traceParent;
    }

    static StreamId stream(UUID sagaId) {
        return StreamId.of("saga", sagaId);
    }

    /** Folds the saga's stream. */
    static SagaJournal open(EventStore store, EventSerializer serializer, UUID sagaId) {
        StreamId stream = stream(sagaId);
        SagaState state = SagaState.initial(sagaId);
        String traceParent = null;
        long next = 1;
        while (true) {
            List<RecordedEvent> page = store.readStreamForwards(stream, next, PAGE);
            for (RecordedEvent recorded : page) {
                state = state.evolve(serializer.envelope(recorded, SagaEvent.class).event(), recorded.streamVersion());
                if (recorded.streamVersion() == 1) {
                    traceParent = recorded.metadata().traceParent();
                }
            }
            if (page.size() < PAGE) {
                return new SagaJournal(store, serializer, stream, state, traceParent);
            }
            next = page.getLast().streamVersion() + 1;
        }
    }

    SagaState state() {
        return state;
    }

    /**
     * The trace the saga was started in: the {@code traceparent} its start was recorded with, or {@code null}. The
     * steps' spans continue it, whichever process drives the saga and however often it was resumed.
     */
    String traceParent() {
        return traceParent;
    }

    /**
     * Appends events at the version last seen and returns the new state.
     *
     * @throws dev.ordo.core.store.WrongExpectedVersionException when someone else wrote to the saga meanwhile
     */
    SagaState append(EventMetadata metadata, SagaEvent... events) {
        lock.lock();
        try {
            return appendLocked(metadata, events);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Appends the event made from the state as this journal has it, with no other append in between, and returns
     * the new state.
     *
     * @throws dev.ordo.core.store.WrongExpectedVersionException when someone else wrote to the saga meanwhile
     */
    SagaState append(EventMetadata metadata, Function<SagaState, SagaEvent> event) {
        lock.lock();
        try {
            return appendLocked(metadata, event.apply(state));
        } finally {
            lock.unlock();
        }
    }

    private SagaState appendLocked(EventMetadata metadata, SagaEvent... events) {
        List<EventData> data = new ArrayList<>(events.length);
        for (SagaEvent event : events) {
            data.add(serializer.serialize(event, metadata));
        }
        ExpectedVersion expected = state.version() == 0 ? ExpectedVersion.noStream()
                : ExpectedVersion.exact(state.version());
        long version = store.append(stream, expected, data).streamVersion() - events.length;
        if (state.version() == 0) {
            traceParent = metadata.traceParent();
        }
        SagaState next = state;
        for (SagaEvent event : events) {
            next = next.evolve(event, ++version);
        }
        state = next;
        return next;
    }
}
