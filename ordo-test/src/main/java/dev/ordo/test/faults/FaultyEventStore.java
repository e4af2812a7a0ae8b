package dev.ordo.test.faults;

import dev.ordo.core.event.EventData;
import dev.ordo.core.event.RecordedEvent;
import dev.ordo.core.event.StreamId;
import dev.ordo.core.store.AppendResult;
import dev.ordo.core.store.EventFilter;
import dev.ordo.core.store.EventStore;
import dev.ordo.core.store.EventStoreUnavailableException;
import dev.ordo.core.store.ExpectedVersion;
import dev.ordo.core.store.ReadDirection;
import dev.ordo.core.store.StreamInfo;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * An {@link EventStore} that fails where a test says: an append can fail {@linkplain When#BEFORE before} it reaches
 * the store (nothing is written) or {@linkplain When#AFTER after} the store committed it (it is written, but the caller
 * never hears so), and the whole store can be {@linkplain #down(boolean) down} (every call fails as if the database
 * were unreachable). Faults are given as one-shot rules or as an {@link Injector} that sees every append, which is how
 * a seeded random schedule plugs in. Everything else is passed to the wrapped store unchanged. Thread-safe.
 */
public final class FaultyEventStore implements EventStore {

    /** Where around an append a fault strikes. */
    public enum When {
        /** Before the store sees the append: nothing is written. */
        BEFORE,
        /** After the store committed the append, before the caller hears the result: the outcome is lost. */
        AFTER
    }

    /** Decides, for every append, whether a fault strikes at a point: throw from {@link #at} to inject it. */
    @FunctionalInterface
    public interface Injector {
        void at(When when, StreamId stream, List<EventData> events);
    }

    private record Rule(When when, Predicate<StreamId> streams, AtomicInteger left,
                        Supplier<? extends Throwable> fault) {
    }

    private final EventStore delegate;
    private final List<Rule> rules = new CopyOnWriteArrayList<>();
    private final List<Injector> injectors = new CopyOnWriteArrayList<>();
    private final AtomicInteger injected = new AtomicInteger();
    private volatile boolean down;

    private FaultyEventStore(EventStore delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    public static FaultyEventStore wrap(EventStore store) {
        return new FaultyEventStore(store);
    }

    /**
     * The next {@code count} appends to streams matching {@code streams} fail at {@code when} with what
     * {@code fault} supplies (a {@link RuntimeException}, or an {@link Error} such as {@link SimulatedCrash}).
     */
    public FaultyEventStore failAppends(When when, Predicate<StreamId> streams, int count,
                                       Supplier<? extends Throwable> fault) {
        rules.add(new Rule(when, streams, new AtomicInteger(count), fault));
        return this;
    }

    /** Adds an injector consulted before and after every append (after the one-shot rules). */
    public FaultyEventStore inject(Injector injector) {
        injectors.add(Objects.requireNonNull(injector, "injector"));
        return this;
    }

    /** While down, every operation fails with {@link EventStoreUnavailableException} before reaching the store. */
    public FaultyEventStore down(boolean value) {
        this.down = value;
        return this;
    }

    /** Removes every rule and injector and brings the store back up. */
    public void heal() {
        rules.clear();
        injectors.clear();
        down = false;
    }

    /** How many faults struck so far (rules, injectors and calls refused while down). */
    public int injected() {
        return injected.get();
    }

    /** The wrapped store, to check what was really written. */
    public EventStore delegate() {
        return delegate;
    }

    @Override
    public AppendResult append(StreamId stream, ExpectedVersion expected, List<EventData> events) {
        refuseWhileDown("append to " + stream);
        strike(When.BEFORE, stream, events);
        AppendResult result = delegate.append(stream, expected, events);
        strike(When.AFTER, stream, events);
        return result;
    }

    private void strike(When when, StreamId stream, List<EventData> events) {
        for (Rule rule : rules) {
            if (rule.when() == when && rule.streams().test(stream) && rule.left().getAndDecrement() > 0) {
                injected.incrementAndGet();
                throw sneaky(rule.fault().get());
            }
        }
        for (Injector injector : injectors) {
            try {
                injector.at(when, stream, events);
            } catch (RuntimeException | Error fault) {
                injected.incrementAndGet();
                throw fault;
            }
        }
    }

    private void refuseWhileDown(String what) {
        if (down) {
            injected.incrementAndGet();
            throw new EventStoreUnavailableException("injected: the database is down (" + what + ")");
        }
    }

    @SuppressWarnings("unchecked")
    private static <T extends Throwable> RuntimeException sneaky(Throwable fault) throws T {
        throw (T) fault;
    }

    @Override
    public List<RecordedEvent> readStream(StreamId stream, ReadDirection direction, long fromVersion, int limit) {
        refuseWhileDown("read " + stream);
        return delegate.readStream(stream, direction, fromVersion, limit);
    }

    @Override
    public List<RecordedEvent> readAll(long fromPosition, int limit, EventFilter filter) {
        refuseWhileDown("read $all");
        return delegate.readAll(fromPosition, limit, filter);
    }

    @Override
    public Optional<StreamInfo> streamInfo(StreamId stream) {
        refuseWhileDown("read the state of " + stream);
        return delegate.streamInfo(stream);
    }

    @Override
    public long headPosition() {
        refuseWhileDown("read the head");
        return delegate.headPosition();
    }

    @Override
    public void softDelete(StreamId stream, ExpectedVersion expected) {
        refuseWhileDown("soft-delete " + stream);
        delegate.softDelete(stream, expected);
    }

    @Override
    public void tombstone(StreamId stream, ExpectedVersion expected) {
        refuseWhileDown("tombstone " + stream);
        delegate.tombstone(stream, expected);
    }

    @Override
    public void truncateBefore(StreamId stream, long beforeVersion) {
        refuseWhileDown("truncate " + stream);
        delegate.truncateBefore(stream, beforeVersion);
    }

    /** Closes the wrapped store. */
    @Override
    public void close() {
        delegate.close();
    }
}
