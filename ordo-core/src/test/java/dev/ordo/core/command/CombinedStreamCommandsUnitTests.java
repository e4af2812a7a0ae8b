package dev.ordo.core.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.ordo.core.bus.command.CommandBus;
import dev.ordo.core.bus.command.LockTimeoutException;
import dev.ordo.core.bus.command.SimpleCommandBus;
import dev.ordo.core.bus.command.StreamCommand;
import dev.ordo.core.command.Counter.Add;
import dev.ordo.core.command.Counter.State;
import dev.ordo.core.decider.Decider;
import dev.ordo.core.event.EventMetadata;
import dev.ordo.core.event.StreamId;
import dev.ordo.core.store.InMemoryEventStore;
import dev.ordo.core.store.WrongExpectedVersionException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * With {@link SimpleCommandBus.Builder#combineStreamCommands}, the commands queued on a stream while another one is
 * being decided are decided together in the next turn, and each caller still hears only about its own command.
 */
class CombinedStreamCommandsUnitTests {

    private static final StreamId STREAM = StreamId.of("counter-1");

    private final InMemoryEventStore store = new InMemoryEventStore();
    private final AppendCountingStore counting = new AppendCountingStore(store);
    private final GatedDecider decider = new GatedDecider();
    private final CommandHandler<Counter.Command, State, Counter.Event> counters = CommandHandler
            .builder(decider, Counter.Event.class, counting.store(), new Counter.Serializer()).build();
    /** This test's callers, named so that only they are counted while they wait for a turn. */
    private final String callerName = "caller-" + UUID.randomUUID() + "-";
    private final ExecutorService callers = Executors.newThreadPerTaskExecutor(
            Thread.ofPlatform().name(callerName, 0).factory());

    @AfterEach
    void stopCallers() {
        decider.openAll();
        callers.shutdownNow();
    }

    private CommandBus bus(Duration timeout) {
        return SimpleCommandBus.builder().registerStreams(Counter.Command.class, counters)
                .combineStreamCommands(64, timeout).build();
    }

    private Future<CommandResult<State, Counter.Event>> add(CommandBus bus, int amount) {
        return callers.submit(() -> bus.dispatch(StreamCommand.to(STREAM, new Add(amount)), EventMetadata.empty()));
    }

    /** Adds 1 and holds its decision, so the stream's turn is taken until the test lets the decider go on. */
    private Future<CommandResult<State, Counter.Event>> holdingTheTurn(CommandBus bus) throws InterruptedException {
        decider.hold(1);
        Future<CommandResult<State, Counter.Event>> first = add(bus, 1);
        decider.awaitHeld(1);
        return first;
    }

    @Test
    void decidesTheCommandsQueuedBehindATurnTogetherAndTellsEachCallerItsOwnResult() throws Exception {
        CommandBus bus = bus(Duration.ofSeconds(30));
        Future<CommandResult<State, Counter.Event>> first = holdingTheTurn(bus);
        List<Future<CommandResult<State, Counter.Event>>> queued = new ArrayList<>();
        for (int amount = 2; amount <= 6; amount++) {
            queued.add(add(bus, amount));
        }
        awaitCallersWaiting(5);

        decider.open(1);

        assertThat(first.get(10, TimeUnit.SECONDS).version()).isEqualTo(1);
        List<Long> versions = new ArrayList<>();
        for (Future<CommandResult<State, Counter.Event>> result : queued) {
            CommandResult<State, Counter.Event> own = result.get(10, TimeUnit.SECONDS);
            assertThat(own.events()).hasSize(1);
            assertThat(own.appended()).hasValueSatisfying(appended -> assertThat(appended.eventCount()).isEqualTo(1));
            versions.add(own.version());
        }
        assertThat(versions).containsExactlyInAnyOrder(2L, 3L, 4L, 5L, 6L);
        assertThat(store.readStreamForwards(STREAM)).hasSize(6);
        assertThat(counting.appends()).as("the first command's append, then one for the five queued behind it")
                .isEqualTo(2);
        assertThat(counters.load(STREAM).state()).isEqualTo(new State(21, 6));
    }

    @Test
    void aRefusedCommandInATurnFailsOnlyItsOwnCaller() throws Exception {
        CommandBus bus = bus(Duration.ofSeconds(30));
        Future<CommandResult<State, Counter.Event>> first = holdingTheTurn(bus);
        Future<CommandResult<State, Counter.Event>> good = add(bus, 2);
        Future<CommandResult<State, Counter.Event>> bad = add(bus, -3);
        awaitCallersWaiting(2);

        decider.open(1);

        first.get(10, TimeUnit.SECONDS);
        assertThat(good.get(10, TimeUnit.SECONDS).state().total()).isEqualTo(3);
        assertThatThrownBy(() -> bad.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(IllegalArgumentException.class).hasMessageContaining("amount must be positive");
    }

    @Test
    void aCommandWhoseTurnDoesNotComeInTimeIsNotHandled() throws Exception {
        CommandBus bus = bus(Duration.ofMillis(50));
        Future<CommandResult<State, Counter.Event>> first = holdingTheTurn(bus);

        assertThatThrownBy(() -> bus.dispatch(StreamCommand.to(STREAM, new Add(2)), EventMetadata.empty()))
                .isInstanceOf(LockTimeoutException.class).hasMessageContaining("counter-1");

        decider.open(1);
        first.get(10, TimeUnit.SECONDS);
        bus.dispatch(StreamCommand.to(STREAM, new Add(3)), EventMetadata.empty());
        assertThat(counters.load(STREAM).state()).as("the timed-out command was never decided")
                .isEqualTo(new State(4, 2));
    }

    @Test
    void aCallerInterruptedBeforeItsTurnLeavesItsCommandUnhandled() throws Exception {
        CommandBus bus = bus(Duration.ofSeconds(30));
        Future<CommandResult<State, Counter.Event>> first = holdingTheTurn(bus);
        Future<CommandResult<State, Counter.Event>> interrupted = add(bus, 2);
        awaitCallersWaiting(1);

        interrupted.cancel(true);
        awaitCallersWaiting(0);
        decider.open(1);

        first.get(10, TimeUnit.SECONDS);
        bus.dispatch(StreamCommand.to(STREAM, new Add(3)), EventMetadata.empty());
        assertThat(counters.load(STREAM).state()).isEqualTo(new State(4, 2));
    }

    @Test
    void aCallerWhoseCommandAnotherCallerIsDecidingWaitsForItsOutcomeEvenWhenInterrupted() throws Exception {
        CommandBus bus = bus(Duration.ofSeconds(30));
        decider.hold(2);
        Future<CommandResult<State, Counter.Event>> first = holdingTheTurn(bus);
        Future<CommandResult<State, Counter.Event>> leader = add(bus, 2);
        awaitCallersWaiting(1);
        CountDownLatch heard = new CountDownLatch(1);
        List<Object> outcome = new ArrayList<>();
        Thread follower = Thread.ofPlatform().name(callerName + "follower").start(() -> {
            try {
                outcome.add(bus.dispatch(StreamCommand.to(STREAM, new Add(3)), EventMetadata.empty()));
            } catch (RuntimeException e) {
                outcome.add(e);
            } finally {
                heard.countDown();
            }
        });
        awaitCallersWaiting(2);
        decider.open(1);
        decider.awaitHeld(2);

        follower.interrupt();
        await("the interrupted follower waits for the outcome of its command").atMost(Duration.ofSeconds(10))
                .until(() -> follower.getState() == Thread.State.WAITING && List.of(follower.getStackTrace()).stream()
                        .anyMatch(frame -> frame.getMethodName().equals("outcomeOf")));
        assertThat(heard.getCount()).isEqualTo(1);
        decider.open(2);

        assertThat(heard.await(10, TimeUnit.SECONDS)).isTrue();
        first.get(10, TimeUnit.SECONDS);
        leader.get(10, TimeUnit.SECONDS);
        assertThat(outcome).singleElement().isInstanceOfSatisfying(CommandResult.class,
                result -> assertThat(result.version()).isEqualTo(3));
        assertThat(counters.load(STREAM).state()).isEqualTo(new State(6, 3));
    }

    @Test
    void aCommandWithAnExpectedVersionIsDecidedAloneInItsTurn() {
        CommandBus bus = bus(Duration.ofSeconds(1));
        bus.dispatch(StreamCommand.to(STREAM, new Add(5)), EventMetadata.empty());

        CommandResult<State, Counter.Event> atOne = bus.dispatch(StreamCommand.to(STREAM, new Add(1), 1L),
                EventMetadata.empty());

        assertThat(atOne.version()).isEqualTo(2);
        assertThatThrownBy(() -> bus.dispatch(StreamCommand.to(STREAM, new Add(1), 1L), EventMetadata.empty()))
                .isInstanceOf(WrongExpectedVersionException.class);
    }

    /** Waits until exactly this many of this test's callers, besides the one holding the turn, wait for it. */
    private void awaitCallersWaiting(int count) {
        await().atMost(Duration.ofSeconds(10)).until(() -> Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().startsWith(callerName))
                .filter(thread -> thread.getState() == Thread.State.TIMED_WAITING)
                .filter(thread -> List.of(thread.getStackTrace()).stream()
                        .anyMatch(frame -> frame.getClassName().endsWith("CombinedStreamCommands")))
                .count() == count);
    }

    /** The counter's decider, holding the decision of chosen amounts until they are let go. */
    private static final class GatedDecider implements Decider<Counter.Command, State, Counter.Event> {

        private final Map<Integer, CountDownLatch> gates = new ConcurrentHashMap<>();
        private final Map<Integer, CountDownLatch> held = new ConcurrentHashMap<>();

        void hold(int amount) {
            gates.put(amount, new CountDownLatch(1));
            held.put(amount, new CountDownLatch(1));
        }

        void awaitHeld(int amount) throws InterruptedException {
            assertThat(held.get(amount).await(10, TimeUnit.SECONDS)).isTrue();
        }

        void open(int amount) {
            gates.get(amount).countDown();
        }

        void openAll() {
            gates.values().forEach(CountDownLatch::countDown);
        }

        @Override
        public State initialState() {
            return Counter.DECIDER.initialState();
        }

        @Override
        public List<Counter.Event> decide(Counter.Command command, State state) {
            if (command instanceof Add add && gates.containsKey(add.amount())) {
                held.get(add.amount()).countDown();
                try {
                    gates.get(add.amount()).await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
            return Counter.DECIDER.decide(command, state);
        }

        @Override
        public State evolve(State state, Counter.Event event) {
            return Counter.DECIDER.evolve(state, event);
        }
    }
}
