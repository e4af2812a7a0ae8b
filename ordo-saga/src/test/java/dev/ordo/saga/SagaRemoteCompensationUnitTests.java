package dev.ordo.saga;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.ordo.core.event.EventMetadata;
import dev.ordo.core.event.RecordedEvent;
import dev.ordo.core.saga.InMemorySagaIndex;
import dev.ordo.core.saga.SagaStatus;
import dev.ordo.core.store.EventStoreUnavailableException;
import dev.ordo.core.store.InMemoryEventStore;
import dev.ordo.jackson.JacksonStateCodec;
import dev.ordo.saga.FulfilmentSaga.Data;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A step undone by a call to a participant by messages: the compensation's request goes out with the compensation's
 * invocation id, the saga waits for the reply durably, and the reply (or its deadline) decides the attempt.
 */
class SagaRemoteCompensationUnitTests {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private final InMemoryEventStore store = new InMemoryEventStore();
    private final InMemorySagaIndex index = new InMemorySagaIndex();
    private final List<StepRequest> sent = new CopyOnWriteArrayList<>();
    private final List<ParkedCompensation> parked = new CopyOnWriteArrayList<>();

    /** reserve stock (undone by asking the warehouse to release it), then pay, which the card declines. */
    private static SagaDefinition<Data> declined(StepChannel warehouse, Duration deadline) {
        return SagaDefinition.builder("declined", JacksonStateCodec.of(Data.class, 1))
                .step(SagaStep.<Data>named("reserve")
                        .action(context -> StepOutcome.done(data -> data.with("reserve", "r-" + data.order())))
                        .compensationCall(new RemoteCall<>(warehouse,
                                context -> "release " + context.data().reservation(), String.class,
                                (data, released) -> data.with("reserve", released), deadline))
                        .retry(FulfilmentSaga.FAST)
                        .build())
                .step(SagaStep.<Data>named("pay")
                        .action(context -> {
                            throw new NonRetryableStepException("card declined");
                        })
                        .build())
                .build();
    }

    private SagaEngine engine(SagaDefinition<?> definition) {
        return SagaEngine.builder(store, index).register(definition).pollInterval(Duration.ofMillis(20))
                .onParked(parked::add).build();
    }

    private static UUID started(SagaEngine engine, SagaDefinition<Data> saga) {
        UUID id = UUID.randomUUID();
        engine.start(saga, id, new Data("o-7", null, null, null), EventMetadata.empty());
        return id;
    }

    /** Starts a saga and returns its id once the release of its reservation waits for the warehouse's reply. */
    private UUID releaseWaiting(SagaEngine engine, SagaDefinition<Data> saga) {
        UUID id = started(engine, saga);
        awaitRelease(engine, id, SagaState.StepState.COMPENSATION_AWAITING_REPLY);
        return id;
    }

    @Test
    void theCompensationSendsItsRequestAndTheReplyCompensatesTheStep() throws InterruptedException {
        SagaDefinition<Data> saga = declined(sent::add, Duration.ofHours(1));
        try (SagaEngine engine = engine(saga)) {
            UUID id = releaseWaiting(engine, saga);

            String release = id + ":reserve:compensate";
            assertThat(sent).containsExactly(new StepRequest(release, "declined", "reserve", "release r-o-7"));
            assertThat(sent.getFirst().metadata().correlationId()).isEqualTo(id.toString());
            SagaState waiting = engine.state(id);
            assertThat(waiting.status()).isEqualTo(SagaStatus.COMPENSATING);
            assertThat(waiting.nextDeadline()).isPresent();
            assertThat(index.get(id).orElseThrow().wakeAt()).as("the deadline is in the index")
                    .isEqualTo(waiting.step("reserve").deadline());
            assertThat(engine.history(id)).extracting(RecordedEvent::eventType)
                    .contains("saga.compensation-awaiting-reply").doesNotContain("saga.step-compensated");

            assertThat(engine.reply(new StepReply.Succeeded(release, "released-r-o-7"))).isTrue();

            SagaState done = engine.await(id, WAIT, SagaStatus.COMPENSATED);
            assertThat(done.status()).isEqualTo(SagaStatus.COMPENSATED);
            assertThat(done.step("reserve").state()).isEqualTo(SagaState.StepState.COMPENSATED);
            assertThat(done.data()).as("onReply applied").contains("released-r-o-7");
            assertThat(sent).hasSize(1);
        }
    }

    @Test
    void duplicateAndLateRepliesChangeNothing() throws InterruptedException {
        SagaDefinition<Data> saga = declined(sent::add, Duration.ofHours(1));
        try (SagaEngine engine = engine(saga)) {
            UUID id = releaseWaiting(engine, saga);
            String release = id + ":reserve:compensate";
            assertThat(engine.reply(new StepReply.Failed(id + ":pay:compensate", "x"))).as("no compensation call")
                    .isFalse();
            assertThat(engine.reply(new StepReply.Succeeded(id + ":reserve", "x"))).as("not the action's reply")
                    .isFalse();
            assertThat(engine.reply(new StepReply.Succeeded(release, "released"))).isTrue();
            engine.await(id, WAIT, SagaStatus.COMPENSATED);
            long version = engine.state(id).version();

            assertThat(engine.reply(new StepReply.Succeeded(release, "released again"))).isFalse();
            assertThat(engine.reply(new StepReply.Failed(release, "too late"))).isFalse();

            assertThat(engine.state(id).version()).isEqualTo(version);
            assertThat(engine.state(id).data()).doesNotContain("released again");
            assertThat(parked).isEmpty();
        }
    }

    @Test
    void aFailedReplyIsAFailedAttemptTriedAgainThenParkedAndARedriveSendsItOnceMore() throws InterruptedException {
        SagaDefinition<Data> saga = declined(sent::add, Duration.ofHours(1));
        try (SagaEngine engine = engine(saga)) {
            UUID id = releaseWaiting(engine, saga);
            String release = id + ":reserve:compensate";

            for (int attempt = 1; attempt <= 3; attempt++) {
                int requests = attempt;
                await().atMost(WAIT).until(() -> sent.size() == requests && engine.state(id).step("reserve").state()
                        == SagaState.StepState.COMPENSATION_AWAITING_REPLY);
                assertThat(engine.state(id).step("reserve").compensationAttempts()).isEqualTo(attempt);
                assertThat(engine.reply(new StepReply.Failed(release, "warehouse offline " + attempt))).isTrue();
            }

            SagaState state = engine.await(id, WAIT, SagaStatus.PARKED);
            assertThat(state.status()).isEqualTo(SagaStatus.PARKED);
            assertThat(state.step("reserve").state()).isEqualTo(SagaState.StepState.COMPENSATION_PARKED);
            assertThat(state.step("reserve").lastError()).contains("warehouse offline 3");
            assertThat(sent).hasSize(3).extracting(StepRequest::invocationId).containsOnly(release);
            assertThat(engine.history(id)).extracting(RecordedEvent::eventType)
                    .containsSubsequence("saga.compensation-attempt-failed", "saga.compensation-attempt-failed",
                            "saga.compensation-parked");
            await().atMost(WAIT).until(() -> parked.size() == 1);
            assertThat(parked.getFirst().invocationId()).isEqualTo(release);
            assertThat(parked.getFirst().attempts()).isEqualTo(3);
            assertThat(index.get(id).orElseThrow().status()).isEqualTo(SagaStatus.PARKED);

            assertThat(engine.redrive(id, "ops")).isTrue();
            await().atMost(WAIT).until(() -> sent.size() == 4);
            awaitRelease(engine, id, SagaState.StepState.COMPENSATION_AWAITING_REPLY);
            assertThat(engine.reply(new StepReply.Succeeded(release, "released"))).isTrue();
            assertThat(engine.await(id, WAIT, SagaStatus.COMPENSATED).status()).isEqualTo(SagaStatus.COMPENSATED);
        }
    }

    @Test
    void aMissedDeadlineIsAFailedAttemptThatSendsTheRequestAgain() throws InterruptedException {
        SagaDefinition<Data> saga = declined(sent::add, Duration.ofMillis(300));
        try (SagaEngine engine = engine(saga)) {
            UUID id = started(engine, saga);
            String release = id + ":reserve:compensate";

            await().atMost(WAIT).until(() -> sent.size() == 2);
            assertThat(sent).extracting(StepRequest::invocationId).containsOnly(release);
            assertThat(engine.history(id)).extracting(RecordedEvent::eventType)
                    .contains("saga.compensation-attempt-failed");
            assertThat(engine.state(id).step("reserve").lastError()).contains("no reply");
            assertThat(engine.reply(new StepReply.Succeeded(release, "released"))).isTrue();

            assertThat(engine.await(id, WAIT, SagaStatus.COMPENSATED).status()).isEqualTo(SagaStatus.COMPENSATED);
        }
    }

    @Test
    void aCompensationNeverAnsweredIsParkedWhenItsAttemptsRunOut() throws InterruptedException {
        SagaDefinition<Data> saga = declined(sent::add, Duration.ofMillis(100));
        try (SagaEngine engine = engine(saga)) {
            UUID id = started(engine, saga);

            SagaState state = engine.await(id, WAIT, SagaStatus.PARKED);

            assertThat(state.status()).isEqualTo(SagaStatus.PARKED);
            assertThat(state.step("reserve").compensationAttempts()).isEqualTo(3);
            assertThat(state.step("reserve").lastError()).contains("no reply");
            assertThat(sent).hasSize(3);
        }
    }

    @Test
    void anEngineRestartedWhileACompensationWaitsSendsItsRequestAgainAndCompletesOnTheReply()
            throws InterruptedException {
        SagaDefinition<Data> saga = declined(sent::add, Duration.ofHours(1));
        UUID id;
        try (SagaEngine first = engine(saga)) {
            id = releaseWaiting(first, saga);
        }
        assertThat(sent).hasSize(1);

        try (SagaEngine second = engine(saga)) {
            assertThat(second.resumeUnfinished()).isEqualTo(1);
            await().atMost(WAIT).until(() -> sent.size() == 2);
            assertThat(sent.get(1)).isEqualTo(sent.get(0));
            assertThat(second.reply(new StepReply.Succeeded(id + ":reserve:compensate", "released"))).isTrue();

            assertThat(second.await(id, WAIT, SagaStatus.COMPENSATED).status()).isEqualTo(SagaStatus.COMPENSATED);
            assertThat(sent).as("sent again once, on the first drive after the start only").hasSize(2);
            assertThat(second.state(id).step("reserve").compensationAttempts()).as("a re-send is no new attempt")
                    .isOne();
        }
    }

    @Test
    void anEngineRestartedAfterTheDeadlinePassedTriesTheCompensationAgain() throws InterruptedException {
        SagaDefinition<Data> saga = declined(sent::add, Duration.ofMillis(400));
        UUID id;
        try (SagaEngine first = SagaEngine.builder(store, index).register(saga)
                .pollInterval(Duration.ofHours(1)).build()) {
            id = releaseWaiting(first, saga);
        }
        await().atMost(WAIT).until(() -> index.due(java.time.Instant.now(), 10).contains(id));

        try (SagaEngine second = engine(saga)) {
            second.resumeUnfinished();
            await().atMost(WAIT).until(() -> second.state(id).step("reserve").compensationAttempts() == 2
                    && second.state(id).step("reserve").state() == SagaState.StepState.COMPENSATION_AWAITING_REPLY);
            assertThat(second.reply(new StepReply.Succeeded(id + ":reserve:compensate", "released"))).isTrue();

            assertThat(second.await(id, WAIT, SagaStatus.COMPENSATED).status()).isEqualTo(SagaStatus.COMPENSATED);
        }
    }

    @Test
    void aTransientFailureToSendTheCompensationIsTriedAgainWithoutCountingAnAttempt() throws InterruptedException {
        AtomicInteger failures = new AtomicInteger();
        StepChannel flaky = request -> {
            if (failures.incrementAndGet() <= 3) {
                throw new EventStoreUnavailableException("broker away", null);
            }
            sent.add(request);
        };
        SagaDefinition<Data> saga = declined(flaky, Duration.ofHours(1));
        try (SagaEngine engine = SagaEngine.builder(store, index).register(saga).pollInterval(Duration.ofMillis(20))
                .transientBackoff(Duration.ofMillis(1), Duration.ofMillis(5)).build()) {
            UUID id = releaseWaiting(engine, saga);

            assertThat(engine.state(id).step("reserve").compensationAttempts()).isOne();
            assertThat(sent).hasSize(1);
        }
    }

    @Test
    void theInProcessChannelCarriesTheCompensationAndItsReply() throws InterruptedException {
        List<String> released = new CopyOnWriteArrayList<>();
        try (InProcessStepChannel warehouse = InProcessStepChannel.builder()
                .handle(String.class, (payload, request) -> {
                    released.add(request.invocationId() + " " + payload);
                    return "released";
                })
                .build()) {
            SagaDefinition<Data> saga = declined(warehouse, Duration.ofHours(1));
            try (SagaEngine engine = engine(saga)) {
                warehouse.connect(engine::reply);
                UUID id = started(engine, saga);

                SagaState state = engine.await(id, WAIT, SagaStatus.COMPENSATED);

                assertThat(state.status()).isEqualTo(SagaStatus.COMPENSATED);
                assertThat(state.failure()).contains("card declined");
                assertThat(released).containsExactly(id + ":reserve:compensate release r-o-7");
            }
        }
    }

    @Test
    void aCallWithoutResultLeavesTheDataAsItIsWhateverTheReplyCarries() throws InterruptedException {
        SagaDefinition<Data> saga = SagaDefinition.builder("no-result", JacksonStateCodec.of(Data.class, 1))
                .step(SagaStep.<Data>named("reserve")
                        .action(context -> StepOutcome.done(data -> data.with("reserve", "r-1")))
                        .compensationCall(RemoteCall.withoutResult(sent::add, context -> "release",
                                Duration.ofHours(1)))
                        .build())
                .step(SagaStep.<Data>named("pay")
                        .action(context -> {
                            throw new NonRetryableStepException("card declined");
                        })
                        .build())
                .build();
        try (SagaEngine engine = engine(saga)) {
            UUID id = started(engine, saga);
            awaitRelease(engine, id, SagaState.StepState.COMPENSATION_AWAITING_REPLY);

            assertThat(engine.reply(new StepReply.Succeeded(id + ":reserve:compensate", null))).isTrue();

            SagaState state = engine.await(id, WAIT, SagaStatus.COMPENSATED);
            assertThat(state.status()).isEqualTo(SagaStatus.COMPENSATED);
            assertThat(state.data()).contains("r-1");
        }
    }

    @Test
    void aStepHasEitherACompensationOrACompensationCall() {
        RemoteCall<Data, String> call = new RemoteCall<>(sent::add, context -> "x", String.class, (d, r) -> d,
                Duration.ofSeconds(1));

        assertThatThrownBy(() -> SagaStep.<Data>named("both").action(context -> StepOutcome.done())
                .compensation(context -> null).compensationCall(call).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("both");
        SagaStep<Data> remote = SagaStep.<Data>named("remote").action(context -> StepOutcome.done())
                .compensationCall(call).compensatedIfNeverRun().build();
        assertThat(remote.compensationCall()).isSameAs(call);
        assertThat(remote.compensation()).as("what the planner undoes").isNotNull();
    }

    private static void awaitRelease(SagaEngine engine, UUID id, SagaState.StepState expected) {
        await().atMost(20, TimeUnit.SECONDS).until(() -> engine.state(id).step("reserve").state() == expected);
    }
}
