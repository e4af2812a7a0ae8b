package dev.ordo.core.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ordo.core.command.Counter.Added;
import dev.ordo.core.command.Counter.State;
import dev.ordo.core.event.EventData;
import dev.ordo.core.event.EventMetadata;
import dev.ordo.core.event.StreamId;
import dev.ordo.core.snapshot.InMemorySnapshotStore;
import dev.ordo.core.store.ExpectedVersion;
import dev.ordo.core.store.InMemoryEventStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StateLoaderUnitTests {

    private static final StreamId STREAM = StreamId.of("counter-1");

    private final InMemoryEventStore store = new InMemoryEventStore();
    private final Counter.Serializer serializer = new Counter.Serializer();
    private final StateLoader<State, Counter.Event> loader = new StateLoader<>(Counter.DECIDER, store, serializer,
            Counter.Event.class, null, null);

    private void appendAmounts(int from, int to) {
        List<EventData> events = new ArrayList<>();
        for (int amount = from; amount <= to; amount++) {
            events.add(serializer.serialize(new Added(amount), EventMetadata.empty()));
        }
        store.append(STREAM, ExpectedVersion.any(), events);
    }

    private static long sum(long from, long to) {
        return (from + to) * (to - from + 1) / 2;
    }

    @Test
    void loadsTheInitialStateOfANeverWrittenStream() {
        Loaded<State> loaded = loader.load(STREAM);

        assertThat(loaded).isEqualTo(new Loaded<>(STREAM, new State(0, 0), 0, 0, false));
    }

    @Test
    void foldsEveryEventOfTheStream() {
        appendAmounts(1, 3);

        Loaded<State> loaded = loader.load(STREAM);

        assertThat(loaded).isEqualTo(new Loaded<>(STREAM, new State(6, 3), 3, 3, false));
    }

    @Test
    void foldsAStreamLongerThanOnePage() {
        appendAmounts(1, 2 * StateLoader.PAGE + 1);

        Loaded<State> loaded = loader.load(STREAM);

        assertThat(loaded.version()).isEqualTo(2 * StateLoader.PAGE + 1);
        assertThat(loaded.eventsRead()).isEqualTo(2 * StateLoader.PAGE + 1);
        assertThat(loaded.state().total()).isEqualTo(sum(1, 2 * StateLoader.PAGE + 1));
    }

    @Test
    void foldsAStreamOfExactlyOnePage() {
        appendAmounts(1, StateLoader.PAGE);

        Loaded<State> loaded = loader.load(STREAM);

        assertThat(loaded.version()).isEqualTo(StateLoader.PAGE);
        assertThat(loaded.state().total()).isEqualTo(sum(1, StateLoader.PAGE));
    }

    @Test
    void loadsTheStateRightAfterAGivenVersion() {
        appendAmounts(1, 5);

        Optional<Loaded<State>> loaded = loader.loadAt(STREAM, 3);

        assertThat(loaded).contains(new Loaded<>(STREAM, new State(6, 3), 3, 3, false));
        assertThat(loader.loadAt(STREAM, 5)).map(Loaded::state).contains(new State(15, 5));
    }

    @Test
    void loadsTheStateAtAVersionBeyondTheFirstPage() {
        appendAmounts(1, StateLoader.PAGE + 10);

        Optional<Loaded<State>> loaded = loader.loadAt(STREAM, StateLoader.PAGE + 1);

        assertThat(loaded).map(Loaded::state).map(State::total).contains(sum(1, StateLoader.PAGE + 1));
    }

    @Test
    void loadsNothingAtAVersionTheStreamNeverReached() {
        appendAmounts(1, 3);

        assertThat(loader.loadAt(STREAM, 4)).isEmpty();
        assertThat(loader.loadAt(StreamId.of("counter-empty"), 1)).isEmpty();
    }

    @Test
    void loadsNothingAtAVersionHiddenByTruncation() {
        appendAmounts(1, 5);
        store.truncateBefore(STREAM, 3);

        assertThat(loader.loadAt(STREAM, 2)).isEmpty();
    }

    @Test
    void foldsATruncatedStreamFromItsFirstVisibleEvent() {
        appendAmounts(1, 5);
        store.truncateBefore(STREAM, 4);

        Loaded<State> loaded = loader.load(STREAM);

        assertThat(loaded).isEqualTo(new Loaded<>(STREAM, new State(9, 2), 5, 2, false));
    }

    @Test
    void refusesAVersionBelowOne() {
        assertThatThrownBy(() -> loader.loadAt(STREAM, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("start at 1, asked for 0");
    }

    @Test
    void refusesASnapshotStoreWithoutCodecAndTheOtherWayRound() {
        assertThatThrownBy(() -> new StateLoader<>(Counter.DECIDER, store, serializer, Counter.Event.class,
                new InMemorySnapshotStore(), null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new StateLoader<>(Counter.DECIDER, store, serializer, Counter.Event.class,
                null, new Counter.Codec(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
