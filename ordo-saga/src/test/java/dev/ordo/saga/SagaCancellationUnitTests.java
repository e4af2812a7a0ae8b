package dev.ordo.saga;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.ordo.core.event.EventData;
import dev.ordo.core.event.EventMetadata;
import dev.ordo.core.event.RecordedEvent;
import dev.ordo.core.saga.InMemorySagaIndex;
import dev.ordo.core.saga.SagaStatus;
import dev.ordo.core.store.InMemoryEventStore;
import dev.ordo.core.store.ReadDirection;
import dev.ordo.saga.FulfilmentSaga.Data;
import dev.ordo.test.faults.FaultyEventStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** A cancellation and the saga's own progress race; the saga's stream version decides, and a finished saga stays so. */
class SagaCancellationUnitTests {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private final FaultyEventStore store = FaultyEventStore.wrap(new InMemoryEventStore());
    private final InMemorySagaIndex index = new InMemorySagaIndex();
    private final Ledger ledger = new Ledger();

    @Test
    void aCancelThatReadTheSagaRunningButArrivesAfterItCompletedChangesNothing() throws InterruptedException {
        CountDownLatch lastStep = new CountDownLatch(1);
        SagaDefinition<Data> saga = SagaDefinition.builder("racing", FulfilmentSaga.definition(ledger, WAIT).codec())
                .step(FulfilmentSaga.step(ledger, "reserve", true, WAIT))
                .step(SagaStep.<Data>named("confirm").action(context -> {
                    if (!lastStep.await(20, TimeUnit.SECONDS)) {
                        throw new IllegalStateException("never released");
                    }
                    return StepOutcome.done();
                }).timeout(WAIT).build())
                .build();
        UUID id = UUID.randomUUID();
        AtomicBoolean raced = new AtomicBoolean();
        // the cancel has read the saga RUNNING; before its append reaches the store, the saga completes
        store.inject((when, stream, events) -> {
            if (when == FaultyEventStore.When.BEFORE && has(events, "saga.cancel-requested")
                    && raced.compareAndSet(false, true)) {
                lastStep.countDown();
                await().atMost(WAIT).until(() -> completesTheSaga(store.delegate().readStream(SagaJournal.stream(id),
                        ReadDirection.BACKWARDS, Long.MAX_VALUE, 1).getFirst().eventType(), store.delegate()
                        .readStream(SagaJournal.stream(id), ReadDirection.BACKWARDS, Long.MAX_VALUE, 1).getFirst()
                        .payload()));
            }
        });
        try (SagaEngine engine = SagaEngine.builder(store, index).register(saga).pollInterval(Duration.ofMillis(20))
                .build()) {
            engine.start(saga, id, new Data("o", null, null, null), EventMetadata.empty());
            await().atMost(WAIT).until(() -> engine.state(id).step("confirm").state() == SagaState.StepState.STARTED);

            boolean cancelled = engine.cancel(id, "too late", EventMetadata.empty());

            assertThat(raced).isTrue();
            assertThat(cancelled).isFalse();
            assertThat(engine.await(id, WAIT, SagaStatus.COMPLETED).status()).isEqualTo(SagaStatus.COMPLETED);
            assertThat(engine.history(id).getLast()).satisfies(last ->
                    assertThat(completesTheSaga(last.eventType(), last.payload())).isTrue());
            assertThat(engine.history(id).stream().map(RecordedEvent::eventType))
                    .doesNotContain("saga.cancel-requested", "saga.compensation-started");
            assertThat(ledger.effects()).containsExactly("reserve");
        }
    }

    @Test
    void aCancelAfterTheSagaStartedItsPointOfNoReturnIsRefusedAndTheSagaCompletes() throws InterruptedException {
        CountDownLatch shipping = new CountDownLatch(1);
        SagaDefinition<Data> saga = SagaDefinition.builder("shipping", FulfilmentSaga.definition(ledger, WAIT).codec())
                .step(FulfilmentSaga.step(ledger, "reserve", true, WAIT))
                .step(SagaStep.<Data>named("ship").action(context -> {
                    if (!shipping.await(20, TimeUnit.SECONDS)) {
                        throw new IllegalStateException("never released");
                    }
                    return StepOutcome.done();
                }).timeout(WAIT).build())
                .cancellableUntil("ship")
                .build();
        UUID id = UUID.randomUUID();
        try (SagaEngine engine = SagaEngine.builder(store, index).register(saga).pollInterval(Duration.ofMillis(20))
                .build()) {
            engine.start(saga, id, new Data("o", null, null, null), EventMetadata.empty());
            await().atMost(WAIT).until(() -> engine.state(id).step("ship").state() == SagaState.StepState.STARTED);

            boolean cancelled = engine.cancel(id, "changed my mind", EventMetadata.empty());
            shipping.countDown();

            assertThat(cancelled).isFalse();
            assertThat(engine.await(id, WAIT, SagaStatus.COMPLETED, SagaStatus.COMPENSATED).status())
                    .isEqualTo(SagaStatus.COMPLETED);
            assertThat(engine.history(id).stream().map(RecordedEvent::eventType))
                    .doesNotContain("saga.cancel-requested");
            assertThat(ledger.outstanding()).containsExactly("reserve");
        }
    }

    @Test
    void aCancelBeforeTheFirstStepRanStillUndoesAStepCompensatedEvenIfNeverRun() throws InterruptedException {
        List<String> undone = new CopyOnWriteArrayList<>();
        SagaDefinition<Data> saga = SagaDefinition.builder("early", FulfilmentSaga.definition(ledger, WAIT).codec())
                .step(SagaStep.<Data>named("accept").action(context -> StepOutcome.done())
                        .compensation(context -> {
                            undone.add("accept");
                            return null;
                        }).compensatedIfNeverRun().timeout(WAIT).build())
                .step(FulfilmentSaga.step(ledger, "reserve", true, WAIT))
                .build();
        UUID id = UUID.randomUUID();
        CountDownLatch cancelled = new CountDownLatch(1);
        AtomicBoolean held = new AtomicBoolean();
        // the drive is about to record the first step's start when the customer cancels
        store.inject((when, stream, events) -> {
            if (when == FaultyEventStore.When.BEFORE && has(events, "saga.step-started")
                    && held.compareAndSet(false, true)) {
                await().atMost(WAIT).until(() -> cancelled.getCount() == 0);
            }
        });
        try (SagaEngine engine = SagaEngine.builder(store, index).register(saga).pollInterval(Duration.ofMillis(20))
                .build()) {
            engine.start(saga, id, new Data("o", null, null, null), EventMetadata.empty());
            await().atMost(WAIT).until(held::get);

            assertThat(engine.cancel(id, "changed my mind", EventMetadata.empty())).isTrue();
            cancelled.countDown();

            SagaState state = engine.await(id, WAIT, SagaStatus.COMPENSATED, SagaStatus.PARKED);
            assertThat(state.status()).isEqualTo(SagaStatus.COMPENSATED);
            assertThat(state.step("accept").attempts()).isZero();
            assertThat(undone).containsExactly("accept");
            assertThat(ledger.effects()).isEmpty();
        }
    }

    @Test
    void aPointOfNoReturnMustBeOneOfTheSteps() {
        SagaDefinition.Builder<Data> builder = SagaDefinition.builder("shipping",
                FulfilmentSaga.definition(ledger, WAIT).codec()).step(FulfilmentSaga.step(ledger, "reserve", true, WAIT))
                .cancellableUntil("ship");

        assertThatThrownBy(builder::build)
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no step ship");
    }

    @Test
    void aCancelThatWinsTheRaceCompensatesTheStepWhoseOutcomeItPreventedFromBeingRecorded()
            throws InterruptedException {
        SagaDefinition<Data> saga = FulfilmentSaga.definition(ledger, WAIT);
        UUID id = UUID.randomUUID();
        AtomicBoolean raced = new AtomicBoolean();
        AtomicBoolean cancelled = new AtomicBoolean();
        SagaEngine[] engine = new SagaEngine[1];
        // the saga is about to record that its last step succeeded (and the saga completed): a cancel gets in first
        store.inject((when, stream, events) -> {
            if (when == FaultyEventStore.When.BEFORE
                    && events.stream().anyMatch(e -> completesTheSaga(e.eventType(), e.payload()))
                    && raced.compareAndSet(false, true)) {
                cancelled.set(engine[0].cancel(id, "just in time", EventMetadata.empty()));
            }
        });
        try (SagaEngine running = SagaEngine.builder(store, index).register(saga).pollInterval(Duration.ofMillis(20))
                .build()) {
            engine[0] = running;
            running.start(saga, id, new Data("o", null, null, null), EventMetadata.empty());

            SagaState state = running.await(id, WAIT, SagaStatus.COMPENSATED, SagaStatus.PARKED);

            assertThat(raced).isTrue();
            assertThat(cancelled).isTrue();
            assertThat(state.status()).isEqualTo(SagaStatus.COMPENSATED);
            assertThat(state.failure()).isEqualTo("cancelled: just in time");
            assertThat(ledger.outstanding()).as("confirm has no compensation; everything else is undone")
                    .containsExactly("confirm");
            assertThat(ledger.effects()).containsSubsequence("undo-ship", "undo-pay", "undo-reserve");
        }
    }

    @Test
    void aCancellationRecordedAfterASagaFinishedDoesNotReopenIt() {
        UUID id = UUID.randomUUID();
        Instant now = Instant.parse("2026-12-01T10:00:00Z");
        SagaState completed = SagaState.initial(id)
                .evolve(new SagaEvent.SagaStarted("racing", "{}", now), 1)
                .evolve(new SagaEvent.StepStarted("confirm", 1, id + ":confirm", now), 2)
                .evolve(new SagaEvent.StepSucceeded("confirm", now), 3)
                .evolve(new SagaEvent.SagaCompleted(now), 4);

        SagaState after = completed.evolve(new SagaEvent.CancelRequested("too late", now), 5);

        assertThat(after.status()).isEqualTo(SagaStatus.COMPLETED);
        assertThat(after.failure()).isNull();
        assertThat(after.version()).isEqualTo(5);
    }

    /** The last step's success, which records that the saga completed with it. */
    private static boolean completesTheSaga(String type, String payload) {
        return type.equals("saga.step-succeeded") && payload.contains("\"completes\":true");
    }

    private static boolean has(List<EventData> events, String type) {
        return events.stream().anyMatch(e -> e.eventType().equals(type));
    }
}
