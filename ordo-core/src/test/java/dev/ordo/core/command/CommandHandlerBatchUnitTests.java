package dev.ordo.core.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ordo.core.command.Counter.Add;
import dev.ordo.core.command.Counter.Added;
import dev.ordo.core.command.Counter.Clear;
import dev.ordo.core.command.Counter.Cleared;
import dev.ordo.core.command.Counter.State;
import dev.ordo.core.event.EventMetadata;
import dev.ordo.core.event.RecordedEvent;
import dev.ordo.core.event.StreamId;
import dev.ordo.core.store.EventStore;
import dev.ordo.core.store.EventStoreUnavailableException;
import dev.ordo.core.store.InMemoryEventStore;
import dev.ordo.core.store.WrongExpectedVersionException;
import java.util.List;
import org.junit.jupiter.api.Test;

class CommandHandlerBatchUnitTests {

    private static final StreamId STREAM = StreamId.of("counter-1");

    private final InMemoryEventStore memory = new InMemoryEventStore();
    private final AppendCountingStore counting = new AppendCountingStore(memory);
    private final EventStore store = counting.store();

    private static Submission<Counter.Command> submit(Counter.Command command, String correlation) {
        return new Submission<>(command, EventMetadata.empty().withCorrelationId(correlation));
    }

    private CommandHandler<Counter.Command, State, Counter.Event> handler() {
        return CommandHandler.builder(Counter.DECIDER, Counter.Event.class, store, new Counter.Serializer()).build();
    }

    @Test
    void decidesEachCommandOnTheStateTheOnesBeforeItLeftAndStoresAllOfThemWithOneAppend() {
        List<BatchOutcome<State, Counter.Event>> outcomes = handler().handleAll(STREAM, List.of(
                submit(new Add(2), "a"), submit(new Add(3), "b"), submit(new Clear(), "c"), submit(new Add(4), "d")));

        assertThat(counting.appends()).isEqualTo(1);
        assertThat(outcomes).extracting(outcome -> outcome.orThrow().version()).containsExactly(1L, 2L, 3L, 4L);
        assertThat(outcomes).extracting(outcome -> outcome.orThrow().state())
                .containsExactly(new State(2, 1), new State(5, 2), new State(0, 2), new State(4, 3));
        assertThat(outcomes.get(2).orThrow().events()).containsExactly(new Cleared());
        assertThat(memory.readStreamForwards(STREAM)).extracting(event -> event.metadata().correlationId())
                .containsExactly("a", "b", "c", "d");
    }

    @Test
    void eachResultNamesThePositionsAndVersionOfItsOwnEvents() {
        handler().handle(STREAM, new Add(1), EventMetadata.empty());

        List<BatchOutcome<State, Counter.Event>> outcomes = handler().handleAll(STREAM,
                List.of(submit(new Add(2), "a"), submit(new Add(3), "b")));

        List<RecordedEvent> stored = memory.readStreamForwards(STREAM);
        assertThat(outcomes.get(0).orThrow().appended()).hasValueSatisfying(appended -> {
            assertThat(appended.streamVersion()).isEqualTo(2);
            assertThat(appended.positions()).containsExactly(stored.get(1).position());
        });
        assertThat(outcomes.get(1).orThrow().appended()).hasValueSatisfying(appended -> {
            assertThat(appended.streamVersion()).isEqualTo(3);
            assertThat(appended.positions()).containsExactly(stored.get(2).position());
        });
    }

    @Test
    void refusesACommandThatBreaksARuleAloneAndStoresTheOthers() {
        List<BatchOutcome<State, Counter.Event>> outcomes = handler().handleAll(STREAM,
                List.of(submit(new Add(2), "a"), submit(new Add(-1), "b"), submit(new Add(3), "c")));

        assertThat(outcomes.get(1)).isInstanceOfSatisfying(BatchOutcome.Refused.class, refused ->
                assertThat(refused.reason()).isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining("amount must be positive"));
        assertThat(outcomes.get(2).orThrow().state()).isEqualTo(new State(5, 2));
        assertThat(memory.readStreamForwards(STREAM)).extracting(RecordedEvent::payload)
                .containsExactly("{\"amount\":2}", "{\"amount\":3}");
    }

    @Test
    void aFailedAppendRefusesTheCommandsThatDependedOnItAndKeepsTheOutcomesDecidedOnTheLoadedStateAlone() {
        counting.failAppends();

        List<BatchOutcome<State, Counter.Event>> outcomes = handler().handleAll(STREAM, List.of(
                submit(new Clear(), "nothing to clear yet"), submit(new Add(-1), "refused on the loaded state"),
                submit(new Add(2), "a"), submit(new Clear(), "clears what a added")));

        assertThat(outcomes.get(0).orThrow().events()).isEmpty();
        assertThatThrownBy(outcomes.get(1)::orThrow).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(outcomes.get(2)::orThrow).isInstanceOf(EventStoreUnavailableException.class);
        assertThatThrownBy(outcomes.get(3)::orThrow).isInstanceOf(EventStoreUnavailableException.class);
        assertThat(memory.readStreamForwards(STREAM)).isEmpty();
    }

    @Test
    void decidesTheRetryableCommandsAgainAfterAConflictAndRefusesTheOthersWithIt() {
        InterferingDecider decider = new InterferingDecider(memory, STREAM, 1);
        CommandHandler<Counter.Command, State, Counter.Event> handler = CommandHandler
                .builder(decider, Counter.Event.class, store, new Counter.Serializer())
                .retryOnConflict(command -> command instanceof Add add && add.amount() >= 10, 3).build();

        List<BatchOutcome<State, Counter.Event>> outcomes = handler.handleAll(STREAM,
                List.of(submit(new Add(5), "not retryable"), submit(new Add(20), "retryable")));

        assertThatThrownBy(outcomes.get(0)::orThrow).isInstanceOf(WrongExpectedVersionException.class);
        CommandResult<State, Counter.Event> retried = outcomes.get(1).orThrow();
        assertThat(retried.attempts()).isEqualTo(2);
        assertThat(retried.events()).containsExactly(new Added(20));
        assertThat(retried.state()).isEqualTo(new State(InterferingDecider.INTERFERING_AMOUNT + 20, 2));
        assertThat(memory.readStreamForwards(STREAM)).extracting(RecordedEvent::payload)
                .containsExactly("{\"amount\":" + InterferingDecider.INTERFERING_AMOUNT + "}", "{\"amount\":20}");
    }

    @Test
    void refusesAnEmptyBatch() {
        assertThatThrownBy(() -> handler().handleAll(STREAM, List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no commands");
    }
}
