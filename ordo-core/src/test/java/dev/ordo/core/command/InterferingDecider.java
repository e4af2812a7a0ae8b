package dev.ordo.core.command;

import dev.ordo.core.decider.Decider;
import dev.ordo.core.event.EventMetadata;
import dev.ordo.core.event.StreamId;
import dev.ordo.core.store.EventStore;
import dev.ordo.core.store.ExpectedVersion;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The counter decider, but while deciding its first {@code interferences} commands another writer appends
 * {@code Added(100)} to the same stream, so the handler's append that follows meets a version conflict.
 */
final class InterferingDecider implements Decider<Counter.Command, Counter.State, Counter.Event> {

    static final int INTERFERING_AMOUNT = 100;

    private final EventStore store;
    private final StreamId stream;
    private final AtomicInteger interferencesLeft;
    private final AtomicInteger decisions = new AtomicInteger();

    InterferingDecider(EventStore store, StreamId stream, int interferences) {
        this.store = store;
        this.stream = stream;
        this.interferencesLeft = new AtomicInteger(interferences);
    }

    /** How many times {@link #decide} ran. */
    int decisions() {
        return decisions.get();
    }

    @Override
    public Counter.State initialState() {
        return Counter.DECIDER.initialState();
    }

    @Override
    public List<Counter.Event> decide(Counter.Command command, Counter.State state) {
        decisions.incrementAndGet();
        if (interferencesLeft.getAndDecrement() > 0) {
            store.append(stream, ExpectedVersion.any(), List.of(new Counter.Serializer()
                    .serialize(new Counter.Added(INTERFERING_AMOUNT), EventMetadata.empty())));
        }
        return Counter.DECIDER.decide(command, state);
    }

    @Override
    public Counter.State evolve(Counter.State state, Counter.Event event) {
        return Counter.DECIDER.evolve(state, event);
    }
}
