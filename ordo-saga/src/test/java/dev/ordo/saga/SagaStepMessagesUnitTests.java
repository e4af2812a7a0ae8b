package dev.ordo.saga;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.ordo.core.event.EventMetadata;
import dev.ordo.core.saga.InMemorySagaIndex;
import dev.ordo.core.saga.SagaStatus;
import dev.ordo.core.store.EventStoreUnavailableException;
import dev.ordo.core.store.InMemoryEventStore;
import dev.ordo.jackson.JacksonStateCodec;
import dev.ordo.saga.FulfilmentSaga.Data;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A step's call to a participant and the participant's reply as two messages, correlated by the invocation id. */
class SagaStepMessagesUnitTests {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private final InMemoryEventStore store = new InMemoryEventStore();
    private final InMemorySagaIndex index = new InMemorySagaIndex();
    private final Ledger ledger = new Ledger();
    private final List<StepRequest> sent = new CopyOnWriteArrayList<>();

    /** reserve, then ask the carrier by message for a tracking number. */
    private SagaDefinition<Data> booking(StepChannel channel) {
        return SagaDefinition.builder("booking", JacksonStateCodec.of(Data.class, 1))
                .step(FulfilmentSaga.step(ledger, "reserve", true, Duration.ofSeconds(5)))
                .step(SagaStep.<Data>named("book-carrier")
                        .call(new RemoteCall<>(channel, context -> "book a parcel for " + context.data().order(),
                                String.class, (data, tracking) -> data.with("ship", tracking), Duration.ofHours(1)))
                        .build())
                .build();
    }

    private SagaEngine engine(SagaDefinition<?> definition) {
        return SagaEngine.builder(store, index).register(definition).pollInterval(Duration.ofMillis(20)).build();
    }

    private UUID started(SagaEngine engine, SagaDefinition<Data> saga) {
        UUID id = UUID.randomUUID();
        engine.start(saga, id, new Data("o-7", null, null, null), EventMetadata.empty());
        return id;
    }

    @Test
    void theStepSendsItsRequestAndAReplyNamingOnlyTheInvocationIdMovesTheSagaOn() throws InterruptedException {
        SagaDefinition<Data> saga = booking(sent::add);
        try (SagaEngine engine = engine(saga)) {
            UUID id = waitingForTheCarrier(engine, saga);

            assertThat(sent).containsExactly(new StepRequest(id + ":book-carrier", "booking", "book-carrier",
                    "book a parcel for o-7"));
            assertThat(sent.getFirst().metadata().correlationId()).isEqualTo(id.toString());
            assertThat(engine.reply(new StepReply.Succeeded(id + ":book-carrier", "DHL-42"))).isTrue();

            SagaState done = engine.await(id, WAIT, SagaStatus.COMPLETED);
            assertThat(done.status()).isEqualTo(SagaStatus.COMPLETED);
            assertThat(done.data()).contains("DHL-42");
            assertThat(engine.reply(new StepReply.Succeeded(id + ":book-carrier", "DHL-43")))
                    .as("a duplicate reply").isFalse();
            assertThat(engine.state(id).data()).contains("DHL-42").doesNotContain("DHL-43");
        }
    }

    @Test
    void aFailedReplyFailsTheStepAndTheSagaCompensates() throws InterruptedException {
        SagaDefinition<Data> saga = booking(sent::add);
        try (SagaEngine engine = engine(saga)) {
            UUID id = waitingForTheCarrier(engine, saga);

            assertThat(engine.reply(new StepReply.Failed(id + ":book-carrier", "no carrier serves Mars"))).isTrue();

            SagaState state = engine.await(id, WAIT, SagaStatus.COMPENSATED);
            assertThat(state.status()).isEqualTo(SagaStatus.COMPENSATED);
            assertThat(state.failure()).contains("book-carrier").contains("no carrier serves Mars");
            assertThat(ledger.effects()).containsExactly("reserve", "undo-reserve");
        }
    }

    @Test
    void aReplyWithAResultOfTheWrongTypeIsRefusedAndTheStepStillWaits() {
        SagaDefinition<Data> saga = booking(sent::add);
        try (SagaEngine engine = engine(saga)) {
            UUID id = waitingForTheCarrier(engine, saga);

            assertThatThrownBy(() -> engine.reply(new StepReply.Succeeded(id + ":book-carrier", 42)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("java.lang.Integer");

            assertThat(engine.state(id).step("book-carrier").state()).isEqualTo(SagaState.StepState.AWAITING_REPLY);
        }
    }

    @Test
    void repliesForNoWaitingRemoteStepAreIgnored() {
        SagaDefinition<Data> saga = booking(sent::add);
        try (SagaEngine engine = engine(saga)) {
            UUID id = waitingForTheCarrier(engine, saga);
            long version = engine.state(id).version();

            assertThat(engine.reply(new StepReply.Succeeded("not an invocation id", "x"))).isFalse();
            assertThat(engine.reply(new StepReply.Succeeded(UUID.randomUUID() + ":book-carrier", "x"))).isFalse();
            assertThat(engine.reply(new StepReply.Succeeded(id + ":reserve", "x"))).as("not a remote call").isFalse();
            assertThat(engine.reply(new StepReply.Succeeded(id + ":ship-parcel", "x"))).as("no such step").isFalse();
            assertThat(engine.reply(new StepReply.Failed(id + ":book-carrier:compensate", "x"))).isFalse();

            assertThat(engine.state(id).version()).isEqualTo(version);
        }
    }

    @Test
    void afterARestartTheRequestOfAWaitingStepIsSentAgainWithTheSameInvocationId() throws InterruptedException {
        SagaDefinition<Data> saga = booking(sent::add);
        UUID id;
        try (SagaEngine first = engine(saga)) {
            id = started(first, saga);
            awaitStep(first, id, "book-carrier", SagaState.StepState.AWAITING_REPLY);
        }
        assertThat(sent).hasSize(1);

        try (SagaEngine second = engine(saga)) {
            assertThat(second.resumeUnfinished()).isEqualTo(1);
            await().atMost(WAIT).until(() -> sent.size() == 2);
            assertThat(sent.get(1)).isEqualTo(sent.get(0));
            assertThat(second.reply(new StepReply.Succeeded(id + ":book-carrier", "DHL-9"))).isTrue();

            assertThat(second.await(id, WAIT, SagaStatus.COMPLETED).status()).isEqualTo(SagaStatus.COMPLETED);
            assertThat(sent).as("sent again once, on the first drive after the start only").hasSize(2);
        }
    }

    @Test
    void aRequestSentAgainAfterARestartGetsAFreshDeadlineEvenWhenTheOldOnePassedWhileTheEngineWasDown()
            throws InterruptedException {
        SagaDefinition<Data> saga = booking(sent::add);
        UUID id = waitingInAStoppedEngine(saga);
        Instant firstDeadline = index.get(id).orElseThrow().wakeAt();
        // the engine's process was down for two hours: longer than the step's one-hour wait
        Clock later = Clock.offset(Clock.systemUTC(), Duration.ofHours(2));

        try (SagaEngine second = SagaEngine.builder(store, index).register(saga).pollInterval(Duration.ofMillis(20))
                .clock(later).build()) {
            assertThat(second.resumeUnfinished()).isEqualTo(1);
            await().atMost(WAIT).until(() -> sent.size() == 2);
            await().atMost(WAIT).until(() -> second.state(id).step("book-carrier").deadline(),
                    deadline -> deadline != null && deadline.isAfter(firstDeadline));
            SagaState.Step waiting = second.state(id).step("book-carrier");
            assertThat(waiting.state()).isEqualTo(SagaState.StepState.AWAITING_REPLY);
            assertThat(waiting.deadline()).isAfter(later.instant().plus(Duration.ofMinutes(59)));
            assertThat(second.reply(new StepReply.Succeeded(id + ":book-carrier", "DHL-10"))).isTrue();

            assertThat(second.await(id, WAIT, SagaStatus.COMPLETED, SagaStatus.COMPENSATED).status())
                    .isEqualTo(SagaStatus.COMPLETED);
        }
    }

    @Test
    void aSagaWhoseDeadlinePassedWhileNoEngineRanIsSentAgainEvenWhenItsTimerDrivesItBeforeAnyResume()
            throws InterruptedException {
        SagaDefinition<Data> saga = booking(sent::add);
        UUID id = waitingInAStoppedEngine(saga);

        // no resumeUnfinished: the deadline timer of the engine finds the overdue saga first
        try (SagaEngine second = SagaEngine.builder(store, index).register(saga).pollInterval(Duration.ofMillis(20))
                .clock(Clock.offset(Clock.systemUTC(), Duration.ofHours(2))).build()) {
            await().atMost(WAIT).until(() -> sent.size() == 2);
            assertThat(second.reply(new StepReply.Succeeded(id + ":book-carrier", "DHL-11"))).isTrue();

            assertThat(second.await(id, WAIT, SagaStatus.COMPLETED, SagaStatus.COMPENSATED).status())
                    .isEqualTo(SagaStatus.COMPLETED);
        }
    }

    /** A saga started in an engine that stopped while its carrier step waited for the reply. */
    private UUID waitingInAStoppedEngine(SagaDefinition<Data> saga) {
        try (SagaEngine first = engine(saga)) {
            UUID id = started(first, saga);
            awaitStep(first, id, "book-carrier", SagaState.StepState.AWAITING_REPLY);
            return id;
        }
    }

    @Test
    void theInProcessChannelTriesHandlerAndReplyAgainUntilPassingFailuresPass() throws InterruptedException {
        AtomicInteger calls = new AtomicInteger();
        AtomicInteger recordings = new AtomicInteger();
        try (InProcessStepChannel channel = InProcessStepChannel.builder()
                .handle(String.class, (payload, request) -> {
                    if (calls.incrementAndGet() <= 6) {
                        throw new EventStoreUnavailableException("carrier database restarting", null);
                    }
                    return "DPD-" + request.invocationId().length();
                })
                .transientBackoff(Duration.ofMillis(1), Duration.ofMillis(5))
                .build()) {
            SagaDefinition<Data> saga = booking(channel);
            try (SagaEngine engine = engine(saga)) {
                channel.connect(reply -> {
                    if (recordings.incrementAndGet() <= 3) {
                        throw new EventStoreUnavailableException("saga store restarting", null);
                    }
                    engine.reply(reply);
                });
                UUID id = started(engine, saga);

                SagaState done = engine.await(id, WAIT, SagaStatus.COMPLETED, SagaStatus.COMPENSATED);

                assertThat(done.status()).isEqualTo(SagaStatus.COMPLETED);
                assertThat(done.data()).contains("DPD-" + (id + ":book-carrier").length());
                assertThat(calls).hasValue(7);
                assertThat(recordings).hasValue(4);
            }
        }
    }

    @Test
    void theInProcessChannelRepliesWithARefusalAtOnce() throws InterruptedException {
        AtomicInteger calls = new AtomicInteger();
        try (InProcessStepChannel channel = InProcessStepChannel.builder()
                .handle(CharSequence.class, (payload, request) -> {
                    calls.incrementAndGet();
                    throw new IllegalStateException("no carrier serves Mars");
                })
                .build()) {
            SagaDefinition<Data> saga = booking(channel);
            try (SagaEngine engine = engine(saga)) {
                channel.connect(engine::reply);
                UUID id = started(engine, saga);

                SagaState state = engine.await(id, WAIT, SagaStatus.COMPENSATED);

                assertThat(state.status()).isEqualTo(SagaStatus.COMPENSATED);
                assertThat(state.failure()).contains("IllegalStateException: no carrier serves Mars");
                assertThat(calls).as("a refusal is not tried again").hasValue(1);
                assertThat(state.step("book-carrier").state()).isEqualTo(SagaState.StepState.FAILED);
            }
        }
    }

    @Test
    void theInProcessChannelRefusesRequestsItCannotDeliver() {
        try (InProcessStepChannel channel = InProcessStepChannel.builder()
                .handle(Integer.class, (payload, request) -> payload + 1).build()) {
            StepRequest request = new StepRequest(UUID.randomUUID() + ":book-carrier", "booking", "book-carrier", "x");

            assertThatThrownBy(() -> channel.send(request)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("not connected");
            channel.connect(reply -> { });
            assertThatThrownBy(() -> channel.send(request)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("java.lang.String");
            assertThatThrownBy(() -> channel.connect(reply -> { })).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void aStepIsEitherAnActionOrARemoteCall() {
        RemoteCall<Data, String> call = new RemoteCall<>(sent::add, context -> "x", String.class, (d, r) -> d,
                Duration.ofSeconds(1));

        assertThatThrownBy(() -> SagaStep.<Data>named("both").action(context -> StepOutcome.done()).call(call).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("both");
        assertThatThrownBy(() -> new RemoteCall<Data, String>(sent::add, context -> "x", String.class, (d, r) -> d,
                Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }

    /** Starts a saga and returns its id once its booking step waits for the carrier's reply. */
    private UUID waitingForTheCarrier(SagaEngine engine, SagaDefinition<Data> saga) {
        UUID id = started(engine, saga);
        awaitStep(engine, id, "book-carrier", SagaState.StepState.AWAITING_REPLY);
        return id;
    }

    private static void awaitStep(SagaEngine engine, UUID id, String step, SagaState.StepState expected) {
        await().atMost(20, TimeUnit.SECONDS).until(() -> engine.state(id).step(step).state() == expected);
    }
}
