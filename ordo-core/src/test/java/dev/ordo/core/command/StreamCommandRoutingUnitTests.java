package dev.ordo.core.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ordo.core.bus.NoHandlerException;
import dev.ordo.core.bus.command.CommandBus;
import dev.ordo.core.bus.command.CommandMessage;
import dev.ordo.core.bus.command.SimpleCommandBus;
import dev.ordo.core.bus.command.StreamCommand;
import dev.ordo.core.command.Counter.Add;
import dev.ordo.core.command.Counter.State;
import dev.ordo.core.event.EventMetadata;
import dev.ordo.core.event.StreamId;
import dev.ordo.core.store.InMemoryEventStore;
import dev.ordo.core.store.WrongExpectedVersionException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A context registers its decider's handler for its commands' type, and the bus decides every {@link StreamCommand}
 * of that type on the stream it names, at the version it names.
 */
class StreamCommandRoutingUnitTests {

    private static final StreamId FIRST = StreamId.of("counter-1");
    private static final StreamId SECOND = StreamId.of("counter-2");

    private final InMemoryEventStore store = new InMemoryEventStore();
    private final CommandHandler<Counter.Command, State, Counter.Event> counters = CommandHandler
            .builder(Counter.DECIDER, Counter.Event.class, store, new Counter.Serializer()).build();
    private final List<String> locked = new ArrayList<>();
    private final CommandBus bus = SimpleCommandBus.builder()
            .registerStreams(Counter.Command.class, counters)
            .register(String.class, (text, metadata) -> "echo " + text)
            .middleware((message, next) -> {
                locked.add(String.valueOf(message.command()));
                return next.proceed(message);
            })
            .combineStreamCommands(16, Duration.ofSeconds(1))
            .build();

    @Test
    void aStreamCommandIsDecidedOnTheStreamItNames() {
        CommandResult<State, Counter.Event> first = bus.dispatch(StreamCommand.to(FIRST, new Add(5)),
                EventMetadata.empty());
        bus.dispatch(StreamCommand.to(SECOND, new Add(1)), EventMetadata.empty());
        CommandResult<State, Counter.Event> again = bus.dispatch(StreamCommand.to(FIRST, new Add(2)),
                EventMetadata.empty());

        assertThat(first.state()).isEqualTo(new State(5, 1));
        assertThat(again.state()).isEqualTo(new State(7, 2));
        assertThat(again.streamId()).isEqualTo(FIRST);
        assertThat(counters.load(SECOND).state()).isEqualTo(new State(1, 1));
    }

    @Test
    void aStreamCommandWithAnExpectedVersionIsRefusedWhenTheStreamMovedOn() {
        bus.dispatch(StreamCommand.to(FIRST, new Add(5)), EventMetadata.empty());

        CommandResult<State, Counter.Event> atOne = bus.dispatch(StreamCommand.to(FIRST, new Add(1), 1L),
                EventMetadata.empty());
        assertThat(atOne.version()).isEqualTo(2);
        assertThatThrownBy(() -> bus.dispatch(StreamCommand.to(FIRST, new Add(1), 1L), EventMetadata.empty()))
                .isInstanceOf(WrongExpectedVersionException.class);
        assertThat(counters.load(FIRST).state()).isEqualTo(new State(6, 2));
    }

    @Test
    void aStreamCommandOfATypeNobodyRegisteredFailsBeforeAnyMiddlewareRuns() {
        assertThatThrownBy(() -> bus.dispatch(new CommandMessage(StreamCommand.to(FIRST, 42), EventMetadata.empty())))
                .isInstanceOf(NoHandlerException.class).hasMessageContaining("java.lang.Integer");

        assertThat(locked).isEmpty();
        assertThat(store.readStreamForwards(FIRST, 1, 10)).isEmpty();
    }

    @Test
    void otherCommandsKeepTheirOwnRoutes() {
        String echoed = bus.dispatch("hello", EventMetadata.empty());

        assertThat(echoed).isEqualTo("echo hello");
    }
}
