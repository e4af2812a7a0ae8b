package dev.ordo.core.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ordo.core.command.Counter.Add;
import dev.ordo.core.command.Counter.State;
import dev.ordo.core.decider.Decider;
import dev.ordo.core.event.EventMetadata;
import dev.ordo.core.event.RecordedEvent;
import dev.ordo.core.event.StreamId;
import dev.ordo.core.snapshot.InMemorySnapshotStore;
import dev.ordo.core.snapshot.Snapshot;
import dev.ordo.core.snapshot.SnapshotPolicy;
import dev.ordo.core.store.EventFilter;
import dev.ordo.core.store.EventReader;
import dev.ordo.core.store.ExpectedVersion;
import dev.ordo.core.store.InMemoryEventStore;
import dev.ordo.core.store.ReadDirection;
import dev.ordo.core.store.StreamInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A handler that remembers folded states folds only what it has not seen, and never serves a stale history. */
class CachedStatesUnitTests {

    private static final StreamId STREAM = StreamId.of("counter-1");
    private static final EventMetadata METADATA = EventMetadata.empty();

    private final InMemoryEventStore store = new InMemoryEventStore();
    private final InMemorySnapshotStore snapshots = new InMemorySnapshotStore();
    private final AtomicInteger evolved = new AtomicInteger();
    private final Decider<Counter.Command, State, Counter.Event> counting = Decider.of(
            Counter.DECIDER::initialState, Counter.DECIDER::decide, (state, event) -> {
                evolved.incrementAndGet();
                return Counter.DECIDER.evolve(state, event);
            });
    private final CommandHandler<Counter.Command, State, Counter.Event> cached = handler(true);
    private final CommandHandler<Counter.Command, State, Counter.Event> uncached = handler(false);

    private CommandHandler<Counter.Command, State, Counter.Event> handler(boolean cache) {
        CommandHandler.Builder<Counter.Command, State, Counter.Event> builder = CommandHandler
                .builder(counting, Counter.Event.class, store, new Counter.Serializer())
                .snapshots(snapshots, new Counter.Codec(1), SnapshotPolicy.everyNEvents(4));
        return (cache ? builder.cacheStates(10) : builder).build();
    }

    private void addAll(CommandHandler<Counter.Command, State, Counter.Event> handler, int... amounts) {
        for (int amount : amounts) {
            handler.handle(STREAM, new Add(amount), METADATA);
        }
    }

    @Test
    void aCommandOnARememberedStreamFoldsOnlyItsOwnNewEvents() {
        addAll(cached, 1, 2);
        evolved.set(0);

        addAll(cached, 3, 4, 5, 6, 7);

        assertThat(evolved).as("one evolve per new event, none to reload").hasValue(5);
        assertThat(cached.load(STREAM).state()).isEqualTo(new State(28, 7));
        assertThat(cached.load(STREAM).version()).isEqualTo(7);
    }

    @Test
    void withoutTheCacheTheSameCommandsFoldFromTheLastSnapshotEachTime() {
        addAll(uncached, 1, 2);
        evolved.set(0);

        addAll(uncached, 3, 4, 5, 6, 7);

        assertThat(evolved.get()).isGreaterThan(5);
    }

    @Test
    void eventsAppendedByAnotherWriterAreFoldedIn() {
        addAll(cached, 1, 2);
        addAll(uncached, 40);

        CommandResult<State, Counter.Event> result = cached.handle(STREAM, new Add(3), METADATA);

        assertThat(result.state()).isEqualTo(new State(46, 4));
        assertThat(result.version()).isEqualTo(4);
    }

    @Test
    void snapshotsAreStillTakenAtTheirIntervalCountingTheEventsFoldedFromTheCache() {
        addAll(cached, 1, 2, 3, 4, 5, 6, 7, 8, 9);

        assertThat(snapshots.load(STREAM)).get().extracting(Snapshot::version).isEqualTo(8L);
    }

    @Test
    void aStreamTruncatedSinceItWasRememberedIsFoldedFromItsVisibleEvents() {
        addAll(cached, 1, 2, 3);
        store.truncateBefore(STREAM, 3);

        Loaded<State> loaded = cached.load(STREAM);

        assertThat(loaded.state()).isEqualTo(uncached.load(STREAM).state()).isEqualTo(new State(3, 1));
        assertThat(loaded.version()).isEqualTo(3);
    }

    @Test
    void aStreamDeletedSinceItWasRememberedIsNotServedFromIt() {
        addAll(cached, 1, 2, 3);
        store.softDelete(STREAM, ExpectedVersion.any());

        Loaded<State> loaded = cached.load(STREAM);

        assertThat(loaded.state()).isEqualTo(uncached.load(STREAM).state());
        assertThat(loaded.state()).isNotEqualTo(new State(6, 3));
    }

    @Test
    void refusesToRememberFewerThanOneStream() {
        assertThatThrownBy(() -> CommandHandler.builder(counting, Counter.Event.class, store, new Counter.Serializer())
                .cacheStates(0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 1");
    }

    @Test
    void theCacheForgetsTheLeastRecentlyUsedStreamBeyondItsSize() {
        StateCache<State> cache = new StateCache<>(2);
        for (String id : List.of("a-1", "a-2", "a-3")) {
            cache.put(new Loaded<>(StreamId.of(id), new State(1, 1), 1, 1, false), 1);
        }

        assertThat(cache.size()).isEqualTo(2);
        assertThat(cache.get(StreamId.of("a-1"))).isNull();
        assertThat(cache.get(StreamId.of("a-3"))).isNotNull();
    }

    @Test
    void aRememberedStreamThatHasNotMovedIsNotReadAtAllAndOneThatMovedIsReadUpToItsHead() {
        List<Long> rangeReads = new ArrayList<>();
        EventReader reader = new EventReader() {
            @Override
            public List<RecordedEvent> readStream(StreamId stream, ReadDirection direction, long fromVersion,
                                                  int limit) {
                rangeReads.add(fromVersion);
                return store.readStream(stream, direction, fromVersion, limit);
            }

            @Override
            public List<RecordedEvent> readAll(long fromPosition, int limit, EventFilter filter) {
                return store.readAll(fromPosition, limit, filter);
            }

            @Override
            public Optional<StreamInfo> streamInfo(StreamId stream) {
                return store.streamInfo(stream);
            }

            @Override
            public long headPosition() {
                return store.headPosition();
            }
        };
        StateLoader<State, Counter.Event> loader = new StateLoader<>(counting, reader, new Counter.Serializer(),
                Counter.Event.class, null, null, new StateCache<>(10));
        addAll(uncached, 1, 2);
        loader.load(STREAM);
        rangeReads.clear();

        Loaded<State> unmoved = loader.load(STREAM);
        addAll(uncached, 4);
        Loaded<State> moved = loader.load(STREAM);

        assertThat(unmoved.state()).isEqualTo(new State(3, 2));
        assertThat(moved.state()).isEqualTo(new State(7, 3));
        assertThat(rangeReads).as("only the load after the other writer's append reads, from version 3").containsExactly(3L);
    }
}
