package dev.ordo.saga;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ordo.core.event.EventMetadata;
import dev.ordo.core.event.RecordedEvent;
import dev.ordo.core.saga.InMemorySagaIndex;
import dev.ordo.core.saga.SagaStatus;
import dev.ordo.core.store.InMemoryEventStore;
import dev.ordo.jackson.JacksonStateCodec;
import dev.ordo.saga.FulfilmentSaga.Data;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Steps that wait for replies, durable deadlines, cancellation and parallel groups. */
class SagaRepliesUnitTests {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private final InMemoryEventStore store = new InMemoryEventStore();
    private final InMemorySagaIndex index = new InMemorySagaIndex();
    private final Ledger ledger = new Ledger();

    /** reserve, then ask the carrier and wait for its reply. */
    private SagaDefinition<Data> waiting(Duration deadline) {
        return waiting(deadline, StepRetry.ofDefaults(), null);
    }

    /** As {@link #waiting(Duration)}, asking the carrier up to {@code retry}'s attempts, then a last step. */
    private SagaDefinition<Data> waiting(Duration deadline, StepRetry retry, String pointOfNoReturn) {
        SagaDefinition.Builder<Data> builder = SagaDefinition.builder("waiting", JacksonStateCodec.of(Data.class, 1))
                .step(FulfilmentSaga.step(ledger, "reserve", true, Duration.ofSeconds(5)))
                .step(SagaStep.<Data>named("book-carrier")
                        .action(context -> {
                            ledger.call("book-carrier", context.invocationId());
                            return StepOutcome.awaitReply(deadline);
                        })
                        .compensation(context -> {
                            ledger.undo("book-carrier", "cancel-carrier", context.invocationId());
                            return null;
                        })
                        .retry(retry)
                        .build())
                .step(FulfilmentSaga.step(ledger, "confirm", false, Duration.ofSeconds(5)));
        return pointOfNoReturn == null ? builder.build() : builder.cancellableUntil(pointOfNoReturn).build();
    }

    private SagaEngine engine(SagaDefinition<?> definition) {
        return SagaEngine.builder(store, index).register(definition).pollInterval(Duration.ofMillis(20)).build();
    }

    @Test
    void aStepWaitsForItsReplyThenTheSagaGoesOn() throws InterruptedException {
        SagaDefinition<Data> saga = waiting(Duration.ofHours(1));
        try (SagaEngine engine = engine(saga)) {
            UUID id = UUID.randomUUID();
            engine.start(saga, id, new Data("o", null, null, null), EventMetadata.empty());
            awaitStep(engine, id, "book-carrier", SagaState.StepState.AWAITING_REPLY);

            assertThat(index.get(id).orElseThrow().wakeAt()).isNotNull();
            assertThat(engine.reply(saga, id, "book-carrier", data -> data.with("ship", "DHL-42"))).isTrue();

            SagaState done = engine.await(id, WAIT, SagaStatus.COMPLETED);
            assertThat(done.status()).isEqualTo(SagaStatus.COMPLETED);
            assertThat(done.data()).contains("DHL-42");
            assertThat(engine.reply(saga, id, "book-carrier", null)).isFalse();
        }
    }

    @Test
    void aMissedDeadlineAsksAgainAndCompensatesOnlyOnceTheStepsAttemptsRanOutEvenAcrossARestart()
            throws InterruptedException {
        SagaDefinition<Data> saga = waiting(Duration.ofMillis(1500), StepRetry.ofDefaults().withMaxAttempts(2), null);
        UUID id = UUID.randomUUID();
        try (SagaEngine first = engine(saga)) {
            first.start(saga, id, new Data("o", null, null, null), EventMetadata.empty());
            awaitStep(first, id, "book-carrier", SagaState.StepState.AWAITING_REPLY);
        }

        try (SagaEngine second = engine(saga)) {
            SagaState state = second.await(id, WAIT, SagaStatus.COMPENSATED);

            assertThat(state.status()).isEqualTo(SagaStatus.COMPENSATED);
            assertThat(state.failure()).contains("book-carrier timed out").contains("no reply before the deadline");
            assertThat(ledger.calls("book-carrier")).as("asked once per attempt").isEqualTo(2);
            assertThat(ledger.effects()).containsExactly("reserve", "book-carrier", "cancel-carrier", "undo-reserve");
            assertThat(second.history(id)).extracting(RecordedEvent::eventType)
                    .containsSubsequence("saga.step-awaiting-reply", "saga.step-attempt-failed", "saga.step-started",
                            "saga.step-awaiting-reply", "saga.step-failed");
        }
    }

    @Test
    void aReplyThatComesAfterTheFirstDeadlineIsTakenByTheAttemptThatAskedAgain() throws InterruptedException {
        SagaDefinition<Data> saga = waiting(Duration.ofMillis(600), StepRetry.ofDefaults().withMaxAttempts(100), null);
        try (SagaEngine engine = engine(saga)) {
            UUID id = UUID.randomUUID();
            engine.start(saga, id, new Data("o", null, null, null), EventMetadata.empty());
            await().atMost(WAIT).until(() -> engine.state(id).step("book-carrier").attempts() >= 2);

            await().atMost(WAIT).until(() -> engine.reply(saga, id, "book-carrier", data -> data.with("ship", "late")));

            SagaState state = engine.await(id, WAIT, SagaStatus.COMPLETED, SagaStatus.COMPENSATED);
            assertThat(state.status()).isEqualTo(SagaStatus.COMPLETED);
            assertThat(state.data()).contains("late");
            assertThat(ledger.effects()).containsExactly("reserve", "book-carrier", "confirm");
        }
    }

    @Test
    void pastThePointOfNoReturnAStepWithoutReplyIsAskedAgainForeverInsteadOfCompensated() throws InterruptedException {
        SagaDefinition<Data> saga = waiting(Duration.ofMillis(300), StepRetry.ofDefaults().withMaxAttempts(2),
                "book-carrier");
        try (SagaEngine engine = engine(saga)) {
            UUID id = UUID.randomUUID();
            engine.start(saga, id, new Data("o", null, null, null), EventMetadata.empty());

            await().atMost(WAIT).until(() -> ledger.calls("book-carrier") >= 4);
            assertThat(engine.state(id).status()).isEqualTo(SagaStatus.RUNNING);
            assertThat(engine.reply(saga, id, "book-carrier", null)).isTrue();

            assertThat(engine.await(id, WAIT, SagaStatus.COMPLETED, SagaStatus.COMPENSATED).status())
                    .isEqualTo(SagaStatus.COMPLETED);
            assertThat(ledger.effects()).containsExactly("reserve", "book-carrier", "confirm");
        }
    }

    @Test
    void aCancelledSagaCompensatesWhatWasDoneAndWhatIsInFlight() throws InterruptedException {
        SagaDefinition<Data> saga = waiting(Duration.ofHours(1));
        try (SagaEngine engine = engine(saga)) {
            UUID id = UUID.randomUUID();
            engine.start(saga, id, new Data("o", null, null, null), EventMetadata.empty());
            awaitStep(engine, id, "book-carrier", SagaState.StepState.AWAITING_REPLY);

            assertThat(engine.cancel(id, "customer changed their mind", EventMetadata.empty())).isTrue();
            SagaState state = engine.await(id, WAIT, SagaStatus.COMPENSATED);

            assertThat(state.failure()).isEqualTo("cancelled: customer changed their mind");
            assertThat(ledger.effects()).containsExactly("reserve", "book-carrier", "cancel-carrier", "undo-reserve");
            assertThat(engine.cancel(id, "again", EventMetadata.empty())).isFalse();
        }
    }

    @Test
    void theStepsOfAParallelGroupRunAtTheSameTime() throws InterruptedException {
        CyclicBarrier bothInside = new CyclicBarrier(2);
        SagaStep<Data> a = SagaStep.<Data>named("notify-warehouse").action(context -> {
            bothInside.await(10, TimeUnit.SECONDS);
            return StepOutcome.done(data -> data.with("reserve", "warehouse"));
        }).build();
        SagaStep<Data> b = SagaStep.<Data>named("notify-customer").action(context -> {
            bothInside.await(10, TimeUnit.SECONDS);
            return StepOutcome.done(data -> data.with("ship", "customer"));
        }).build();
        SagaDefinition<Data> saga = SagaDefinition.builder("parallel", JacksonStateCodec.of(Data.class, 1))
                .parallel(a, b)
                .step(FulfilmentSaga.step(ledger, "confirm", false, Duration.ofSeconds(5)))
                .build();
        try (SagaEngine engine = engine(saga)) {
            UUID id = UUID.randomUUID();
            engine.start(saga, id, new Data("o", null, null, null), EventMetadata.empty());

            SagaState state = engine.await(id, WAIT, SagaStatus.COMPLETED, SagaStatus.COMPENSATED);

            assertThat(state.status()).isEqualTo(SagaStatus.COMPLETED);
            assertThat(state.data()).contains("warehouse").contains("customer");
            assertThat(state.completed()).containsExactlyInAnyOrder("notify-warehouse", "notify-customer", "confirm")
                    .endsWith("confirm");
        }
    }

    private static void awaitStep(SagaEngine engine, UUID id, String step, SagaState.StepState expected) {
        await().atMost(20, TimeUnit.SECONDS)
                .until(() -> engine.state(id).step(step).state() == expected);
    }
}
