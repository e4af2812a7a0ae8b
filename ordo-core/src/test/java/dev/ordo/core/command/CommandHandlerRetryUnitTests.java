package dev.ordo.core.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ordo.core.command.Counter.Add;
import dev.ordo.core.command.Counter.Added;
import dev.ordo.core.command.Counter.State;
import dev.ordo.core.event.EventMetadata;
import dev.ordo.core.event.RecordedEvent;
import dev.ordo.core.event.StreamId;
import dev.ordo.core.store.InMemoryEventStore;
import dev.ordo.core.store.WrongExpectedVersionException;
import org.junit.jupiter.api.Test;

class CommandHandlerRetryUnitTests {

    private static final StreamId STREAM = StreamId.of("counter-1");
    private static final EventMetadata METADATA = EventMetadata.empty();
    private static final int INTERFERING = InterferingDecider.INTERFERING_AMOUNT;

    private final InMemoryEventStore store = new InMemoryEventStore();
    private final Counter.Serializer serializer = new Counter.Serializer();

    private CommandHandler.Builder<Counter.Command, State, Counter.Event> builder(InterferingDecider decider) {
        return CommandHandler.builder(decider, Counter.Event.class, store, serializer);
    }

    @Test
    void decidesARetryableCommandAgainOnAFreshLoadAfterAConflict() {
        InterferingDecider decider = new InterferingDecider(store, STREAM, 1);
        CommandHandler<Counter.Command, State, Counter.Event> handler = builder(decider)
                .retryOnConflict(command -> true, 3).build();

        CommandResult<State, Counter.Event> result = handler.handle(STREAM, new Add(5), METADATA);

        assertThat(result.attempts()).isEqualTo(2);
        assertThat(decider.decisions()).isEqualTo(2);
        assertThat(result.events()).containsExactly(new Added(5));
        assertThat(result.version()).isEqualTo(2);
        assertThat(result.state()).isEqualTo(new State(INTERFERING + 5, 2));
        assertThat(store.readStreamForwards(STREAM, 1, 10)).extracting(RecordedEvent::payload)
                .containsExactly("{\"amount\":" + INTERFERING + "}", "{\"amount\":5}");
    }

    @Test
    void doesNotRetryACommandThatDoesNotMatchThePredicate() {
        InterferingDecider decider = new InterferingDecider(store, STREAM, 1);
        CommandHandler<Counter.Command, State, Counter.Event> handler = builder(decider)
                .retryOnConflict(command -> command instanceof Add add && add.amount() >= 10, 3).build();

        assertThatThrownBy(() -> handler.handle(STREAM, new Add(5), METADATA))
                .isInstanceOfSatisfying(WrongExpectedVersionException.class,
                        e -> assertThat(e.actualVersion()).isEqualTo(1));

        assertThat(decider.decisions()).isEqualTo(1);
        assertThat(handler.load(STREAM).state()).isEqualTo(new State(INTERFERING, 1));
    }

    @Test
    void retriesACommandThatMatchesThePredicate() {
        InterferingDecider decider = new InterferingDecider(store, STREAM, 1);
        CommandHandler<Counter.Command, State, Counter.Event> handler = builder(decider)
                .retryOnConflict(command -> command instanceof Add add && add.amount() >= 10, 3).build();

        CommandResult<State, Counter.Event> result = handler.handle(STREAM, new Add(10), METADATA);

        assertThat(result.attempts()).isEqualTo(2);
        assertThat(result.state()).isEqualTo(new State(INTERFERING + 10, 2));
    }

    @Test
    void stopsAfterTheMaximumNumberOfAttempts() {
        InterferingDecider decider = new InterferingDecider(store, STREAM, 10);
        CommandHandler<Counter.Command, State, Counter.Event> handler = builder(decider)
                .retryOnConflict(command -> true, 3).build();

        assertThatThrownBy(() -> handler.handle(STREAM, new Add(5), METADATA))
                .isInstanceOfSatisfying(WrongExpectedVersionException.class,
                        e -> assertThat(e.actualVersion()).isEqualTo(3));

        assertThat(decider.decisions()).isEqualTo(3);
        assertThat(handler.load(STREAM).state()).isEqualTo(new State(3L * INTERFERING, 3));
    }

    @Test
    void succeedsOnTheLastAllowedAttempt() {
        InterferingDecider decider = new InterferingDecider(store, STREAM, 2);
        CommandHandler<Counter.Command, State, Counter.Event> handler = builder(decider)
                .retryOnConflict(command -> true, 3).build();

        CommandResult<State, Counter.Event> result = handler.handle(STREAM, new Add(5), METADATA);

        assertThat(result.attempts()).isEqualTo(3);
        assertThat(result.version()).isEqualTo(3);
    }

    @Test
    void doesNotRetryByDefault() {
        InterferingDecider decider = new InterferingDecider(store, STREAM, 1);
        CommandHandler<Counter.Command, State, Counter.Event> handler = builder(decider).build();

        assertThatThrownBy(() -> handler.handle(STREAM, new Add(5), METADATA))
                .isInstanceOf(WrongExpectedVersionException.class);

        assertThat(decider.decisions()).isEqualTo(1);
    }

    @Test
    void appendsAtTheLoadedVersionSoAConcurrentWriteOnAnExistingStreamIsDetected() {
        CommandHandler<Counter.Command, State, Counter.Event> plain = builder(new InterferingDecider(store, STREAM, 0))
                .build();
        plain.handle(STREAM, new Add(1), METADATA);
        InterferingDecider decider = new InterferingDecider(store, STREAM, 1);
        CommandHandler<Counter.Command, State, Counter.Event> handler = builder(decider).build();

        assertThatThrownBy(() -> handler.handle(STREAM, new Add(5), METADATA))
                .isInstanceOfSatisfying(WrongExpectedVersionException.class, e -> {
                    assertThat(e.expected()).hasToString("1");
                    assertThat(e.actualVersion()).isEqualTo(2);
                });
    }

    @Test
    void refusesFewerThanOneAttempt() {
        CommandHandler.Builder<Counter.Command, State, Counter.Event> builder =
                builder(new InterferingDecider(store, STREAM, 0));

        assertThatThrownBy(() -> builder.retryOnConflict(command -> true, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 1, was 0");
    }
}
