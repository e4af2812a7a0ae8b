package dev.ordo.core.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ordo.core.command.Counter.Add;
import dev.ordo.core.command.Counter.State;
import dev.ordo.core.event.EventMetadata;
import dev.ordo.core.event.StreamId;
import dev.ordo.core.snapshot.InMemorySnapshotStore;
import dev.ordo.core.snapshot.Snapshot;
import dev.ordo.core.snapshot.SnapshotPolicy;
import dev.ordo.core.store.ExpectedVersion;
import dev.ordo.core.store.InMemoryEventStore;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A stream's history is its visible events: truncation and soft deletion never make a stream unwritable. */
class TruncatedStreamUnitTests {

    private static final StreamId STREAM = StreamId.of("counter-1");
    private static final EventMetadata METADATA = EventMetadata.empty();

    private final InMemoryEventStore store = new InMemoryEventStore();
    private final InMemorySnapshotStore snapshots = new InMemorySnapshotStore();
    private final CommandHandler<Counter.Command, State, Counter.Event> handler = CommandHandler
            .builder(Counter.DECIDER, Counter.Event.class, store, new Counter.Serializer())
            .snapshots(snapshots, new Counter.Codec(1), SnapshotPolicy.never())
            .build();

    private void addAll(int... amounts) {
        for (int amount : amounts) {
            handler.handle(STREAM, new Add(amount), METADATA);
        }
    }

    @Test
    void aStreamTruncatedPastItsLastEventContinuesFromItsVersion() {
        addAll(1, 2, 3, 4, 5);
        store.truncateBefore(STREAM, 6);

        Loaded<State> loaded = handler.load(STREAM);
        CommandResult<State, Counter.Event> result = handler.handle(STREAM, new Add(7), METADATA);

        assertThat(loaded.version()).isEqualTo(5);
        assertThat(loaded.state()).isEqualTo(new State(0, 0));
        assertThat(result.version()).isEqualTo(6);
        assertThat(result.state()).isEqualTo(new State(7, 1));
    }

    @Test
    void anIfMatchOnAFullyTruncatedStreamComparesWithItsRealVersion() {
        addAll(1, 2, 3, 4, 5);
        store.truncateBefore(STREAM, 6);

        CommandResult<State, Counter.Event> result = handler.handle(STREAM, new Add(7), METADATA, 5);

        assertThat(result.version()).isEqualTo(6);
    }

    @Test
    void aSnapshotOlderThanTheTruncationPointIsNotFoldedAcrossTheGap() {
        addAll(1, 2, 3, 4, 5);
        snapshots.save(new Snapshot(STREAM, 2, 1, "3,2", Instant.now()));
        store.truncateBefore(STREAM, 4);

        Loaded<State> loaded = handler.load(STREAM);

        assertThat(loaded.fromSnapshot()).isFalse();
        assertThat(loaded.state()).isEqualTo(new State(9, 2));
        assertThat(loaded.version()).isEqualTo(5);
    }

    @Test
    void aSnapshotRightBeforeTheTruncationPointIsUsed() {
        addAll(1, 2, 3, 4, 5);
        snapshots.save(new Snapshot(STREAM, 3, 1, "6,3", Instant.now()));
        store.truncateBefore(STREAM, 4);

        Loaded<State> loaded = handler.load(STREAM);

        assertThat(loaded.fromSnapshot()).isTrue();
        assertThat(loaded.state()).isEqualTo(new State(15, 5));
    }

    @Test
    void aRevivedSoftDeletedStreamFoldsOnlyItsNewEvents() {
        addAll(1, 2);
        store.softDelete(STREAM, ExpectedVersion.exact(2));

        CommandResult<State, Counter.Event> revived = handler.handle(STREAM, new Add(10), METADATA);

        assertThat(revived.version()).isEqualTo(3);
        assertThat(handler.load(STREAM).state()).isEqualTo(new State(10, 1));
    }
}
