package dev.ordo.core.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ordo.core.bus.command.CommandBus;
import dev.ordo.core.bus.command.SimpleCommandBus;
import dev.ordo.core.bus.command.StreamCommand;
import dev.ordo.core.bus.command.StreamNaming;
import dev.ordo.core.bus.command.Streams;
import dev.ordo.core.command.Counter.Add;
import dev.ordo.core.command.Counter.State;
import dev.ordo.core.event.EventMetadata;
import dev.ordo.core.event.InvalidStreamIdException;
import dev.ordo.core.event.StreamId;
import dev.ordo.core.store.InMemoryEventStore;
import org.junit.jupiter.api.Test;

/**
 * A context declares how its streams are named once, and every stream, command and load of one of its aggregates
 * goes by the aggregate's id.
 */
class StreamsUnitTests {

    private static final StreamNaming<Integer, Counter.Command> COUNTERS = StreamNaming.of("counter");

    private final InMemoryEventStore store = new InMemoryEventStore();
    private final Streams<Integer, Counter.Command, State, Counter.Event> counters = new Streams<>(COUNTERS,
            CommandHandler.builder(Counter.DECIDER, Counter.Event.class, store, new Counter.Serializer()).build());

    @Test
    void namesTheStreamOfEachAggregateByItsCategoryAndId() {
        assertThat(COUNTERS.stream(7)).isEqualTo(StreamId.of("counter-7"));
        assertThat(COUNTERS.stream(7).category()).isEqualTo("counter");
        assertThat(counters.stream(7)).isEqualTo(COUNTERS.stream(7));
    }

    @Test
    void refusesACategoryThatCouldNotStartItsStreams() {
        assertThatThrownBy(() -> StreamNaming.of("counter-x")).isInstanceOf(InvalidStreamIdException.class)
                .hasMessageContaining("must not contain '-'");
        assertThatThrownBy(() -> StreamNaming.of("$all")).isInstanceOf(InvalidStreamIdException.class);
        assertThatThrownBy(() -> StreamNaming.of("")).isInstanceOf(InvalidStreamIdException.class);
        assertThatThrownBy(() -> StreamNaming.of(null)).isInstanceOf(InvalidStreamIdException.class);
    }

    @Test
    void refusesToNameTheStreamOfNoAggregate() {
        assertThatThrownBy(() -> COUNTERS.stream(null)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("id");
        assertThatThrownBy(() -> COUNTERS.command(null, new Add(1))).isInstanceOf(NullPointerException.class);
    }

    @Test
    void addressesACommandToTheAggregatesStreamAtItsCurrentVersionOrAtTheVersionTheCallerSaw() {
        assertThat(COUNTERS.command(7, new Add(1))).isEqualTo(StreamCommand.to(StreamId.of("counter-7"), new Add(1)));
        assertThat(COUNTERS.command(7, new Add(1), null).expectedVersion()).isNull();
        assertThat(COUNTERS.command(7, new Add(1), 3L))
                .isEqualTo(StreamCommand.to(StreamId.of("counter-7"), new Add(1), 3L));
    }

    @Test
    void handlesAndLoadsEachAggregateOnItsOwnStream() {
        counters.handle(1, new Add(5), EventMetadata.empty());
        counters.handle(2, new Add(1), EventMetadata.empty());
        CommandResult<State, Counter.Event> again = counters.handle(1, new Add(2), EventMetadata.empty());

        assertThat(again.streamId()).isEqualTo(StreamId.of("counter-1"));
        assertThat(counters.load(1).state()).isEqualTo(new State(7, 2));
        assertThat(counters.load(2).state()).isEqualTo(new State(1, 1));
        assertThat(counters.loadAt(1, 1)).hasValueSatisfying(loaded -> assertThat(loaded.state())
                .isEqualTo(new State(5, 1)));
        assertThat(counters.loadAt(2, 2)).isEmpty();
        assertThat(store.readStreamForwards(StreamId.of("counter-1"), 1, 10)).hasSize(2);
    }

    @Test
    void aCommandItAddressesIsDecidedByTheHandlerRegisteredWithTheBus() {
        CommandBus bus = SimpleCommandBus.builder().registerStreams(Counter.Command.class, counters.handler()).build();

        bus.dispatch(COUNTERS.command(3, new Add(4)), EventMetadata.empty());
        bus.dispatch(COUNTERS.command(3, new Add(1), 1L), EventMetadata.empty());

        assertThat(counters.load(3).state()).isEqualTo(new State(5, 2));
    }
}
