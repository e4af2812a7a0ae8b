package dev.ordo.core.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ordo.core.command.Counter.Add;
import dev.ordo.core.command.Counter.State;
import dev.ordo.core.event.EventMetadata;
import dev.ordo.core.event.StreamId;
import dev.ordo.core.snapshot.InMemorySnapshotStore;
import dev.ordo.core.snapshot.Snapshot;
import dev.ordo.core.snapshot.SnapshotPolicy;
import dev.ordo.core.snapshot.SnapshotStore;
import dev.ordo.core.store.ExpectedVersion;
import dev.ordo.core.store.InMemoryEventStore;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SnapshotLoadingUnitTests {

    private static final StreamId STREAM = StreamId.of("counter-1");
    private static final EventMetadata METADATA = EventMetadata.empty();
    private static final Instant NOW = Instant.parse("2025-03-01T12:00:00Z");

    private final InMemoryEventStore store = new InMemoryEventStore();
    private final InMemorySnapshotStore snapshots = new InMemorySnapshotStore();

    private CommandHandler<Counter.Command, State, Counter.Event> handler(SnapshotStore snapshotStore, int schema,
                                                                          SnapshotPolicy policy) {
        return CommandHandler.builder(Counter.DECIDER, Counter.Event.class, store, new Counter.Serializer())
                .snapshots(snapshotStore, new Counter.Codec(schema), policy)
                .clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .build();
    }

    private void addAll(CommandHandler<Counter.Command, State, Counter.Event> handler, int... amounts) {
        for (int amount : amounts) {
            handler.handle(STREAM, new Add(amount), METADATA);
        }
    }

    @Test
    void storesASnapshotWhenThePolicySaysSo() {
        CommandHandler<Counter.Command, State, Counter.Event> handler = handler(snapshots, 1, SnapshotPolicy.everyNEvents(2));

        addAll(handler, 1);
        Optional<Snapshot> afterOne = snapshots.load(STREAM);
        addAll(handler, 2);

        assertThat(afterOne).isEmpty();
        assertThat(snapshots.load(STREAM)).contains(new Snapshot(STREAM, 2, 1, "3,2", NOW));
    }

    @Test
    void countsOnlyTheEventsFoldedSinceTheLastSnapshot() {
        CommandHandler<Counter.Command, State, Counter.Event> handler = handler(snapshots, 1, SnapshotPolicy.everyNEvents(2));
        addAll(handler, 1, 2);

        addAll(handler, 3);
        long versionAfterThree = snapshots.load(STREAM).orElseThrow().version();
        addAll(handler, 4);

        assertThat(versionAfterThree).isEqualTo(2);
        assertThat(snapshots.load(STREAM)).map(Snapshot::version).contains(4L);
    }

    @Test
    void startsTheFoldFromAUsableSnapshot() {
        CommandHandler<Counter.Command, State, Counter.Event> handler = handler(snapshots, 1, SnapshotPolicy.never());
        addAll(handler, 1, 2, 3);
        snapshots.save(new Snapshot(STREAM, 2, 1, "1000,7", NOW));

        Loaded<State> loaded = handler.load(STREAM);

        assertThat(loaded).isEqualTo(new Loaded<>(STREAM, new State(1003, 8), 3, 1, true));
    }

    @Test
    void ignoresASnapshotOfAnotherSchemaVersion() {
        CommandHandler<Counter.Command, State, Counter.Event> handler = handler(snapshots, 2, SnapshotPolicy.never());
        addAll(handler, 1, 2, 3);
        snapshots.save(new Snapshot(STREAM, 2, 1, "1000,7", NOW));

        Loaded<State> loaded = handler.load(STREAM);

        assertThat(loaded).isEqualTo(new Loaded<>(STREAM, new State(6, 3), 3, 3, false));
    }

    @Test
    void ignoresASnapshotThatCannotBeDecodedAndFoldsTheEvents() {
        CommandHandler<Counter.Command, State, Counter.Event> handler = handler(snapshots, 1, SnapshotPolicy.never());
        addAll(handler, 1, 2, 3);
        snapshots.save(new Snapshot(STREAM, 2, 1, "not a counter", NOW));

        Loaded<State> loaded = handler.load(STREAM);

        assertThat(loaded).isEqualTo(new Loaded<>(STREAM, new State(6, 3), 3, 3, false));
    }

    @Test
    void ignoresASnapshotAheadOfTheStream() {
        CommandHandler<Counter.Command, State, Counter.Event> handler = handler(snapshots, 1, SnapshotPolicy.never());
        addAll(handler, 1, 2);
        snapshots.save(new Snapshot(STREAM, 9, 1, "1000,7", NOW));

        Loaded<State> loaded = handler.load(STREAM);

        assertThat(loaded.fromSnapshot()).isFalse();
        assertThat(loaded.state()).isEqualTo(new State(3, 2));
    }

    @Test
    void ignoresTheSnapshotOfASoftDeletedStream() {
        CommandHandler<Counter.Command, State, Counter.Event> handler = handler(snapshots, 1, SnapshotPolicy.never());
        addAll(handler, 1, 2);
        snapshots.save(new Snapshot(STREAM, 2, 1, "1000,7", NOW));
        store.softDelete(STREAM, ExpectedVersion.any());

        Loaded<State> loaded = handler.load(STREAM);

        assertThat(loaded).isEqualTo(new Loaded<>(STREAM, new State(0, 0), 2, 0, false));
    }

    @Test
    void ignoresASnapshotTakenAfterTheRequestedVersion() {
        CommandHandler<Counter.Command, State, Counter.Event> handler = handler(snapshots, 1, SnapshotPolicy.never());
        addAll(handler, 1, 2, 3);
        snapshots.save(new Snapshot(STREAM, 3, 1, "1000,7", NOW));

        Optional<Loaded<State>> loaded = handler.loadAt(STREAM, 2);

        assertThat(loaded).contains(new Loaded<>(STREAM, new State(3, 2), 2, 2, false));
    }

    @Test
    void loadsAtExactlyTheSnapshotVersionWithoutReadingEvents() {
        CommandHandler<Counter.Command, State, Counter.Event> handler = handler(snapshots, 1, SnapshotPolicy.never());
        addAll(handler, 1, 2, 3);
        snapshots.save(new Snapshot(STREAM, 2, 1, "1000,7", NOW));

        Optional<Loaded<State>> loaded = handler.loadAt(STREAM, 2);

        assertThat(loaded).contains(new Loaded<>(STREAM, new State(1000, 7), 2, 0, true));
    }

    @Test
    void stillSucceedsWhenTheSnapshotCannotBeStored() {
        AtomicInteger attempts = new AtomicInteger();
        SnapshotStore failing = new SnapshotStore() {
            @Override
            public Optional<Snapshot> load(StreamId stream) {
                return Optional.empty();
            }

            @Override
            public void save(Snapshot snapshot) {
                attempts.incrementAndGet();
                throw new IllegalStateException("snapshot table is gone");
            }

            @Override
            public void delete(StreamId stream) {
            }
        };
        CommandHandler<Counter.Command, State, Counter.Event> handler = handler(failing, 1, SnapshotPolicy.everyNEvents(1));

        CommandResult<State, Counter.Event> result = handler.handle(STREAM, new Add(5), METADATA);

        assertThat(attempts).hasValue(1);
        assertThat(result.version()).isEqualTo(1);
        assertThat(result.state()).isEqualTo(new State(5, 1));
        assertThat(store.headPosition()).isEqualTo(1);
    }
}
