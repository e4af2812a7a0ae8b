package dev.ordo.core.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ordo.core.command.Counter.Add;
import dev.ordo.core.command.Counter.Added;
import dev.ordo.core.command.Counter.Clear;
import dev.ordo.core.command.Counter.State;
import dev.ordo.core.decider.Decider;
import dev.ordo.core.event.EventMetadata;
import dev.ordo.core.event.RecordedEvent;
import dev.ordo.core.event.StreamId;
import dev.ordo.core.store.AppendResult;
import dev.ordo.core.store.ExpectedVersion;
import dev.ordo.core.store.InMemoryEventStore;
import dev.ordo.core.store.WrongExpectedVersionException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CommandHandlerUnitTests {

    private static final StreamId STREAM = StreamId.of("counter-1");
    private static final EventMetadata METADATA = EventMetadata.empty().withCorrelationId("req-1").withActor("alice");

    private final InMemoryEventStore store = new InMemoryEventStore();
    private final Counter.Serializer serializer = new Counter.Serializer();

    private CommandHandler<Counter.Command, State, Counter.Event> handler(
            Decider<Counter.Command, State, Counter.Event> decider) {
        return CommandHandler.builder(decider, Counter.Event.class, store, serializer)
                .retryOnConflict(command -> true, 5)
                .build();
    }

    @Test
    void appendsTheDecidedEventsAndReturnsTheNewState() {
        CommandHandler<Counter.Command, State, Counter.Event> handler = handler(Counter.DECIDER);

        CommandResult<State, Counter.Event> result = handler.handle(STREAM, new Add(5), METADATA);

        assertThat(result.streamId()).isEqualTo(STREAM);
        assertThat(result.events()).containsExactly(new Added(5));
        assertThat(result.state()).isEqualTo(new State(5, 1));
        assertThat(result.version()).isEqualTo(1);
        assertThat(result.appended()).contains(new AppendResult(1, 1, 1));
        assertThat(result.attempts()).isEqualTo(1);
    }

    @Test
    void appendsAfterTheEventsAlreadyInTheStream() {
        CommandHandler<Counter.Command, State, Counter.Event> handler = handler(Counter.DECIDER);
        handler.handle(STREAM, new Add(5), METADATA);
        handler.handle(StreamId.of("counter-2"), new Add(1), METADATA);

        CommandResult<State, Counter.Event> result = handler.handle(STREAM, new Add(3), METADATA);

        assertThat(result.state()).isEqualTo(new State(8, 2));
        assertThat(result.version()).isEqualTo(2);
        assertThat(result.appended()).contains(new AppendResult(2, 3, 3));
        assertThat(store.readStreamForwards(STREAM, 1, 10)).extracting(RecordedEvent::payload)
                .containsExactly("{\"amount\":5}", "{\"amount\":3}");
    }

    @Test
    void storesTheEventsWithTheGivenMetadata() {
        CommandHandler<Counter.Command, State, Counter.Event> handler = handler(Counter.DECIDER);

        handler.handle(STREAM, new Add(5), METADATA);

        RecordedEvent stored = store.readStreamForwards(STREAM, 1, 10).getFirst();
        assertThat(stored.eventType()).isEqualTo("counter.added");
        assertThat(stored.metadata()).isEqualTo(METADATA);
    }

    @Test
    void letsADomainExceptionThroughAndWritesNothing() {
        CommandHandler<Counter.Command, State, Counter.Event> handler = handler(Counter.DECIDER);
        handler.handle(STREAM, new Add(5), METADATA);

        assertThatThrownBy(() -> handler.handle(STREAM, new Add(-1), METADATA))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage("amount must be positive, was -1");

        assertThat(store.headPosition()).isEqualTo(1);
        assertThat(handler.load(STREAM).state()).isEqualTo(new State(5, 1));
    }

    @Test
    void doesNotAppendWhenTheCommandDecidesNoEvents() {
        CommandHandler<Counter.Command, State, Counter.Event> handler = handler(Counter.DECIDER);

        CommandResult<State, Counter.Event> result = handler.handle(STREAM, new Clear(), METADATA);

        assertThat(result.events()).isEmpty();
        assertThat(result.appended()).isEmpty();
        assertThat(result.version()).isZero();
        assertThat(result.state()).isEqualTo(new State(0, 0));
        assertThat(store.headPosition()).isZero();
        assertThat(store.streamInfo(STREAM)).isEmpty();
    }

    @Test
    void keepsTheVersionOfAnExistingStreamWhenNothingIsDecided() {
        CommandHandler<Counter.Command, State, Counter.Event> handler = handler(Counter.DECIDER);
        handler.handle(STREAM, new Add(5), METADATA);
        handler.handle(STREAM, new Clear(), METADATA);

        CommandResult<State, Counter.Event> result = handler.handle(STREAM, new Clear(), METADATA);

        assertThat(result.version()).isEqualTo(2);
        assertThat(result.appended()).isEmpty();
        assertThat(store.headPosition()).isEqualTo(2);
    }

    @Test
    void refusesADeciderThatReturnsNull() {
        Decider<Counter.Command, State, Counter.Event> broken = Decider.of(() -> new State(0, 0), (c, s) -> null,
                (s, e) -> s);
        CommandHandler<Counter.Command, State, Counter.Event> handler = handler(broken);

        assertThatThrownBy(() -> handler.handle(STREAM, new Add(5), METADATA))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("decide returned null");
    }

    @Test
    void handlesACommandAtTheVersionTheCallerSaw() {
        CommandHandler<Counter.Command, State, Counter.Event> handler = handler(Counter.DECIDER);
        handler.handle(STREAM, new Add(5), METADATA);

        CommandResult<State, Counter.Event> result = handler.handle(STREAM, new Add(2), METADATA, 1);

        assertThat(result.version()).isEqualTo(2);
        assertThat(result.state()).isEqualTo(new State(7, 2));
    }

    @Test
    void refusesAStaleExpectedVersionWithTheActualVersionWithoutDeciding() {
        InterferingDecider decider = new InterferingDecider(store, STREAM, 0);
        CommandHandler<Counter.Command, State, Counter.Event> handler = handler(decider);
        handler.handle(STREAM, new Add(5), METADATA);
        handler.handle(STREAM, new Add(6), METADATA);

        assertThatThrownBy(() -> handler.handle(STREAM, new Add(7), METADATA, 1))
                .isInstanceOfSatisfying(WrongExpectedVersionException.class, e -> {
                    assertThat(e.actualVersion()).isEqualTo(2);
                    assertThat(e.expected()).isEqualTo(ExpectedVersion.exact(1));
                    assertThat(e.streamId()).isEqualTo(STREAM);
                });

        assertThat(decider.decisions()).isEqualTo(2);
        assertThat(store.headPosition()).isEqualTo(2);
    }

    @Test
    void neverRetriesACommandWithAnExplicitExpectedVersion() {
        InterferingDecider decider = new InterferingDecider(store, STREAM, 1);
        CommandHandler<Counter.Command, State, Counter.Event> handler = handler(decider);

        assertThatThrownBy(() -> handler.handle(STREAM, new Add(5), METADATA, 0))
                .isInstanceOfSatisfying(WrongExpectedVersionException.class,
                        e -> assertThat(e.actualVersion()).isEqualTo(1));

        assertThat(decider.decisions()).isEqualTo(1);
        assertThat(handler.load(STREAM).state()).isEqualTo(new State(InterferingDecider.INTERFERING_AMOUNT, 1));
    }

    @Test
    void loadsTheCurrentStateAndTheStateAtAVersion() {
        CommandHandler<Counter.Command, State, Counter.Event> handler = handler(Counter.DECIDER);
        handler.handle(STREAM, new Add(5), METADATA);
        handler.handle(STREAM, new Add(6), METADATA);

        Loaded<State> current = handler.load(STREAM);
        Optional<Loaded<State>> first = handler.loadAt(STREAM, 1);

        assertThat(current.state()).isEqualTo(new State(11, 2));
        assertThat(first).map(Loaded::state).contains(new State(5, 1));
        assertThat(handler.loadAt(STREAM, 3)).isEmpty();
    }

    @Test
    void refusesCommandsThatAreNull() {
        CommandHandler<Counter.Command, State, Counter.Event> handler = handler(Counter.DECIDER);

        assertThatThrownBy(() -> handler.handle(STREAM, null, METADATA)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> handler.handle(STREAM, null, METADATA, 0)).isInstanceOf(NullPointerException.class);
        assertThat(store.headPosition()).isZero();
    }
}
