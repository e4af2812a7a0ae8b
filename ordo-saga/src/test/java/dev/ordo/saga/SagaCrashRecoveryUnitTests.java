package dev.ordo.saga;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ordo.core.event.EventMetadata;
import dev.ordo.core.store.InMemoryEventStore;
import dev.ordo.saga.FulfilmentSaga.Data;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The engine is stopped hard in the middle of a step (before or after the participant's effect) or of a
 * compensation; a new engine on the same store resumes the saga, and no participant effect happens twice.
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

    private UUID crashWhile(String operation, Ledger.Behaviour hang) throws InterruptedException {
        ledger.set(operation, hang);
        SagaEngine first = engine();
        UUID id = UUID.randomUUID();
        first.start(saga, id, new Data("o", null, null, null), EventMetadata.empty());
        assertThat(ledger.hung.await(20, TimeUnit.SECONDS)).isTrue();
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
            assertThat(state.step(step).attempts()).isGreaterThanOrEqualTo(2);
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
        }
    }
}
