package dev.ordo.saga;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ordo.core.event.EventMetadata;
import dev.ordo.core.event.RecordedEvent;
import dev.ordo.core.saga.InMemorySagaIndex;
import dev.ordo.core.saga.SagaStatus;
import dev.ordo.core.store.InMemoryEventStore;
import dev.ordo.saga.FulfilmentSaga.Data;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The engine is stopped hard in the middle of a step (before or after the participant's effect) or of a
 * compensation; a new engine on the same store resumes the saga, and no participant effect happens twice. A step cut
 * short this way is not a failed attempt: its outcome is unknown, and it is resumed as the same attempt.
 */
class SagaCrashRecoveryUnitTests {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private final InMemoryEventStore store = new InMemoryEventStore();
    private final InMemorySagaIndex index = new InMemorySagaIndex();
    private final Ledger ledger = new Ledger();
    private final SagaDefinition<Data> saga = FulfilmentSaga.definition(ledger, Duration.ofSeconds(30));

    private SagaEngine engine() {
        return SagaEngine.builder(store, index).register(saga).pollInterval(Duration.ofMillis(20)).build();
    }

    private SagaEngine engine(int resumptionLimit) {
        return SagaEngine.builder(store, index).register(saga).pollInterval(Duration.ofMillis(20))
                .resumptionLimit(resumptionLimit).build();
    }

    private UUID crashWhile(String operation, Ledger.Behaviour hang) throws InterruptedException {
        ledger.once(operation, hang);
        SagaEngine first = engine();
        UUID id = UUID.randomUUID();
        first.start(saga, id, new Data("o", null, null, null), EventMetadata.empty());
        assertThat(ledger.awaitHang()).isTrue();
        first.shutdown(Duration.ZERO);
        return id;
    }

    @ParameterizedTest(name = "stopped inside {0}, {1}")
    @CsvSource({
            "reserve, HANG_BEFORE_EFFECT", "reserve, HANG_AFTER_EFFECT",
            "pay, HANG_BEFORE_EFFECT", "pay, HANG_AFTER_EFFECT",
            "ship, HANG_BEFORE_EFFECT", "ship, HANG_AFTER_EFFECT",
            "confirm, HANG_BEFORE_EFFECT", "confirm, HANG_AFTER_EFFECT"})
    void aSagaStoppedInsideAStepCompletesAfterARestartWithEveryEffectOnce(String step, Ledger.Behaviour hang)
            throws InterruptedException {
        UUID id = crashWhile(step, hang);

        try (SagaEngine second = engine()) {
            assertThat(second.resumeUnfinished()).isEqualTo(1);
            SagaState state = second.await(id, WAIT, SagaStatus.COMPLETED, SagaStatus.COMPENSATED, SagaStatus.PARKED);

            assertThat(state.status()).isEqualTo(SagaStatus.COMPLETED);
            assertThat(ledger.effects()).containsExactly("reserve", "pay", "ship", "confirm");
            assertThat(ledger.calls(step)).isEqualTo(2);
            assertThat(state.step(step).attempts()).as("the interrupted attempt is resumed, not counted as failed")
                    .isEqualTo(1);
            assertThat(types(second, id)).doesNotContain("saga.step-attempt-failed").contains("saga.step-resumed");
        }
    }

    @Test
    void aStepCutShortByAnErrorIsResumedByTheSameEngineWithoutWaitingForARestart() throws InterruptedException {
        ledger.crashWith(IncompatibleClassChangeError::new);
        ledger.once("pay", Ledger.Behaviour.CRASH_AFTER_EFFECT);
        UUID id = UUID.randomUUID();

        try (SagaEngine engine = engine()) {
            engine.start(saga, id, new Data("o", null, null, null), EventMetadata.empty());
            SagaState state = engine.await(id, WAIT, SagaStatus.COMPLETED, SagaStatus.COMPENSATED, SagaStatus.PARKED);

            assertThat(state.status()).isEqualTo(SagaStatus.COMPLETED);
            assertThat(ledger.effects()).containsExactly("reserve", "pay", "ship", "confirm");
            assertThat(ledger.calls("pay")).isEqualTo(2);
            assertThat(state.step("pay").attempts()).isEqualTo(1);
            assertThat(types(engine, id)).doesNotContain("saga.step-attempt-failed").contains("saga.step-resumed");
        }
    }

    @Test
    void aStepInterruptedMoreOftenThanItHasAttemptsIsResumedEachTimeAndTheSagaCompletes() throws InterruptedException {
        int interruptions = FulfilmentSaga.FAST.maxAttempts() + 1;
        UUID id = UUID.randomUUID();
        for (int i = 0; i < interruptions; i++) {
            ledger.once("pay", i % 2 == 0 ? Ledger.Behaviour.HANG_AFTER_EFFECT : Ledger.Behaviour.HANG_BEFORE_EFFECT);
            SagaEngine crashing = engine();
            if (i == 0) {
                crashing.start(saga, id, new Data("o", null, null, null), EventMetadata.empty());
            } else {
                crashing.resumeUnfinished();
            }
            assertThat(ledger.awaitHang()).isTrue();
            crashing.shutdown(Duration.ZERO);
        }

        try (SagaEngine last = engine()) {
            last.resumeUnfinished();
            SagaState state = last.await(id, WAIT, SagaStatus.COMPLETED, SagaStatus.COMPENSATED, SagaStatus.PARKED);

            assertThat(state.status()).as(state.failure()).isEqualTo(SagaStatus.COMPLETED);
            assertThat(ledger.effects()).containsExactly("reserve", "pay", "ship", "confirm");
            assertThat(ledger.calls("pay")).isEqualTo(interruptions + 1);
            assertThat(state.step("pay").attempts()).isEqualTo(1);
        }
    }

    @Test
    void aStepCutShortMoreOftenThanTheResumptionLimitEndsWithAnUnknownOutcomeAndIsCompensatedToo()
            throws InterruptedException {
        UUID id = UUID.randomUUID();
        for (int i = 0; i < 3; i++) {
            ledger.once("pay", Ledger.Behaviour.HANG_AFTER_EFFECT);
            SagaEngine crashing = engine(2);
            if (i == 0) {
                crashing.start(saga, id, new Data("o", null, null, null), EventMetadata.empty());
            } else {
                crashing.resumeUnfinished();
            }
            assertThat(ledger.awaitHang()).isTrue();
            crashing.shutdown(Duration.ZERO);
        }

        try (SagaEngine last = engine(2)) {
            last.resumeUnfinished();
            SagaState state = last.await(id, WAIT, SagaStatus.COMPLETED, SagaStatus.COMPENSATED, SagaStatus.PARKED);

            assertThat(state.status()).isEqualTo(SagaStatus.COMPENSATED);
            assertThat(state.failure()).startsWith("step pay has an unknown outcome: attempt 1 was cut short 3 times");
            assertThat(types(last, id)).contains("saga.step-outcome-unknown").doesNotContain("saga.step-failed");
            assertThat(ledger.effects()).containsExactly("reserve", "pay", "undo-pay", "undo-reserve");
            assertThat(ledger.outstanding()).isEmpty();
        }
    }

    @Test
    void aStepPastThePointOfNoReturnIsNeverGivenUpHoweverOftenItIsCutShort() throws InterruptedException {
        Duration timeout = Duration.ofSeconds(30);
        SagaDefinition<Data> shipping = SagaDefinition.builder("shipping", saga.codec())
                .step(FulfilmentSaga.step(ledger, "reserve", true, timeout))
                .step(FulfilmentSaga.step(ledger, "ship", false, timeout))
                .step(FulfilmentSaga.step(ledger, "confirm", false, timeout))
                .cancellableUntil("ship")
                .build();
        UUID id = UUID.randomUUID();
        for (int i = 0; i < 4; i++) {
            ledger.once("confirm", Ledger.Behaviour.HANG_AFTER_EFFECT);
            SagaEngine crashing = SagaEngine.builder(store, index).register(shipping)
                    .pollInterval(Duration.ofMillis(20)).resumptionLimit(2).build();
            if (i == 0) {
                crashing.start(shipping, id, new Data("o", null, null, null), EventMetadata.empty());
            } else {
                crashing.resumeUnfinished();
            }
            assertThat(ledger.awaitHang()).isTrue();
            crashing.shutdown(Duration.ZERO);
        }

        try (SagaEngine last = SagaEngine.builder(store, index).register(shipping).pollInterval(Duration.ofMillis(20))
                .resumptionLimit(2).build()) {
            last.resumeUnfinished();
            SagaState state = last.await(id, WAIT, SagaStatus.COMPLETED, SagaStatus.COMPENSATED, SagaStatus.PARKED);

            assertThat(state.status()).as("the goods left: the saga goes on, it is not compensated around them")
                    .isEqualTo(SagaStatus.COMPLETED);
            assertThat(types(last, id)).filteredOn("saga.step-resumed"::equals).hasSize(4);
            assertThat(ledger.effects()).containsExactly("reserve", "ship", "confirm");
            assertThat(types(last, id)).doesNotContain("saga.step-outcome-unknown");
        }
    }

    @ParameterizedTest(name = "stopped inside undo-{0}, {1}")
    @CsvSource({"pay, HANG_BEFORE_EFFECT", "pay, HANG_AFTER_EFFECT", "reserve, HANG_AFTER_EFFECT"})
    void aSagaStoppedInsideACompensationFinishesCompensatingWithEveryUndoOnce(String step, Ledger.Behaviour hang)
            throws InterruptedException {
        ledger.set("ship", Ledger.Behaviour.FAIL_NON_RETRYABLE);
        UUID id = crashWhile("undo-" + step, hang);

        try (SagaEngine second = engine()) {
            second.resumeUnfinished();
            SagaState state = second.await(id, WAIT, SagaStatus.COMPENSATED, SagaStatus.PARKED);

            assertThat(state.status()).isEqualTo(SagaStatus.COMPENSATED);
            assertThat(ledger.effects()).containsExactly("reserve", "pay", "undo-pay", "undo-reserve");
            assertThat(state.step(step).compensationAttempts()).as("the interrupted compensation is resumed")
                    .isEqualTo(1);
        }
    }

    private static java.util.List<String> types(SagaEngine engine, UUID id) {
        return engine.history(id).stream().map(RecordedEvent::eventType).toList();
    }
}
