package dev.ordo.saga;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ordo.core.event.EventData;
import dev.ordo.core.event.EventMetadata;
import dev.ordo.core.saga.InMemorySagaIndex;
import dev.ordo.core.saga.SagaStatus;
import dev.ordo.core.store.EventStoreUnavailableException;
import dev.ordo.core.store.InMemoryEventStore;
import dev.ordo.saga.FulfilmentSaga.Data;
import dev.ordo.test.faults.FaultyEventStore;
import dev.ordo.test.faults.FaultyEventStore.When;
import dev.ordo.test.faults.SimulatedCrash;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Faults at each boundary of a saga step: before its call (its start recorded or not), during it (before or after
 * the participant's effect), after its effect before its outcome is recorded, after the outcome is recorded but before
 * the engine hears so, and the same around a compensation. A crash kills the engine's process (a new engine takes
 * over on the same store); a transient failure (the database away for a moment) is waited out by the same engine.
 * Either way the saga ends as if nothing happened: every effect once, every undo once, no attempt burned.
 */
class SagaFaultPointsUnitTests {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private final FaultyEventStore store = FaultyEventStore.wrap(new InMemoryEventStore());
    private final InMemorySagaIndex index = new InMemorySagaIndex();
    private final Ledger ledger = new Ledger();
    private final SagaDefinition<Data> saga = FulfilmentSaga.definition(ledger, WAIT);
    private final EngineRestarts processes = new EngineRestarts(() -> SagaEngine.builder(store, index).register(saga)
            .pollInterval(Duration.ofMillis(20)).transientBackoff(Duration.ofMillis(1), Duration.ofMillis(20)).build());
    private final AtomicBoolean struck = new AtomicBoolean();

    SagaFaultPointsUnitTests() {
        ledger.crashWith(processes::crash);
    }

    @AfterEach
    void stop() {
        processes.close();
    }

    @ParameterizedTest(name = "the process dies {0} the append of {1} {2}")
    @CsvSource({
            "BEFORE, saga.started, ''", "AFTER, saga.started, ''",
            "BEFORE, saga.step-started, reserve", "AFTER, saga.step-started, reserve",
            "BEFORE, saga.step-succeeded, reserve", "AFTER, saga.step-succeeded, reserve",
            "BEFORE, saga.step-succeeded, pay", "AFTER, saga.step-succeeded, pay",
            "BEFORE, saga.step-succeeded, confirm", "AFTER, saga.step-succeeded, confirm"})
    void aProcessThatDiesAroundTheRecordOfAStepIsReplacedAndTheSagaCompletesWithEveryEffectOnce(When when,
                                                                                               String type,
                                                                                               String step) {
        strike(when, type, step, () -> processes.crash(when + " " + type + " " + step));

        SagaState state = startAndAwait(SagaStatus.COMPLETED);

        awaitReplacedOnce();
        assertCompletedOnce(state);
    }

    @ParameterizedTest(name = "the database fails {0} the append of {1} {2}")
    @CsvSource({
            "BEFORE, saga.step-started, reserve", "AFTER, saga.step-started, reserve",
            "BEFORE, saga.step-succeeded, reserve", "AFTER, saga.step-succeeded, reserve",
            "BEFORE, saga.step-succeeded, pay", "AFTER, saga.step-succeeded, pay",
            "BEFORE, saga.step-succeeded, confirm", "AFTER, saga.step-succeeded, confirm"})
    void aTransientFailureAroundTheRecordOfAStepIsWaitedOutByTheSameProcess(When when, String type, String step) {
        strike(when, type, step, () -> when == When.BEFORE
                ? EventStoreUnavailableException.notWritten("injected: refused " + type, null)
                : new EventStoreUnavailableException("injected: no answer after committing " + type));

        SagaState state = startAndAwait(SagaStatus.COMPLETED);

        assertThat(struck).isTrue();
        assertThat(processes.restarts()).isZero();
        assertCompletedOnce(state);
    }

    @ParameterizedTest(name = "the process dies inside {0}, {1}")
    @CsvSource({"pay, CRASH_BEFORE_EFFECT", "pay, CRASH_AFTER_EFFECT", "confirm, CRASH_AFTER_EFFECT"})
    void aProcessThatDiesInsideAStepIsReplacedAndTheStepResumedAsTheSameAttempt(String step,
                                                                                Ledger.Behaviour crash) {
        ledger.once(step, crash);

        SagaState state = startAndAwait(SagaStatus.COMPLETED);

        assertThat(processes.restarts()).isEqualTo(1);
        assertThat(ledger.calls(step)).isEqualTo(2);
        assertCompletedOnce(state);
    }

    @ParameterizedTest(name = "the process dies {0} the append of {1} after a failed attempt")
    @CsvSource({"BEFORE", "AFTER"})
    void aProcessThatDiesAsItRecordsAFailedAttemptRetriesItOnce(When when) {
        ledger.failTimes("pay", 1);
        strike(when, "saga.step-attempt-failed", "pay", () -> processes.crash(when + " a failed attempt"));

        SagaState state = startAndAwait(SagaStatus.COMPLETED);

        assertThat(processes.restarts()).isEqualTo(1);
        assertThat(state.step("pay").attempts()).isEqualTo(when == When.BEFORE ? 1 : 2);
        assertThat(ledger.effects()).containsExactly("reserve", "pay", "ship", "confirm");
    }

    @ParameterizedTest(name = "the process dies {0} the append of {1} {2} while compensating")
    @CsvSource({
            "BEFORE, saga.step-failed, ship", "AFTER, saga.step-failed, ship",
            "BEFORE, saga.compensation-started, pay", "AFTER, saga.compensation-started, pay",
            "BEFORE, saga.step-compensated, pay", "AFTER, saga.step-compensated, pay",
            "BEFORE, saga.compensation-attempt-failed, reserve", "AFTER, saga.compensation-attempt-failed, reserve",
            "BEFORE, saga.compensated, ''", "AFTER, saga.compensated, ''"})
    void aProcessThatDiesWhileCompensatingIsReplacedAndEveryUndoHappensOnce(When when, String type, String step) {
        ledger.set("ship", Ledger.Behaviour.FAIL_NON_RETRYABLE);
        ledger.failTimes("undo-reserve", 1);
        strike(when, type, step, () -> processes.crash(when + " " + type + " " + step));

        SagaState state = startAndAwait(SagaStatus.COMPENSATED);

        awaitReplacedOnce();
        assertCompensatedOnce(state);
        assertThat(state.step("pay").compensationAttempts()).isEqualTo(1);
    }

    @ParameterizedTest(name = "the process dies inside undo-{0}, {1}")
    @CsvSource({"pay, CRASH_BEFORE_EFFECT", "pay, CRASH_AFTER_EFFECT", "ship, CRASH_BEFORE_EFFECT"})
    void aProcessThatDiesInsideACompensationIsReplacedAndTheCompensationResumed(String step, Ledger.Behaviour crash) {
        ledger.set("ship", Ledger.Behaviour.FAIL_NON_RETRYABLE);
        ledger.once("undo-" + step, crash);

        SagaState state = startAndAwait(SagaStatus.COMPENSATED);

        assertThat(processes.restarts()).isEqualTo(1);
        assertCompensatedOnce(state);
        assertThat(state.step(step).compensationAttempts()).isEqualTo(1);
    }

    @ParameterizedTest(name = "the database fails {0} the append of {1} {2} while compensating")
    @CsvSource({
            "BEFORE, saga.compensation-started, pay", "AFTER, saga.compensation-started, pay",
            "BEFORE, saga.step-compensated, pay", "AFTER, saga.step-compensated, pay",
            "BEFORE, saga.compensated, ''", "AFTER, saga.compensated, ''"})
    void aTransientFailureWhileCompensatingIsWaitedOutByTheSameProcess(When when, String type, String step) {
        ledger.set("ship", Ledger.Behaviour.FAIL_NON_RETRYABLE);
        strike(when, type, step, () -> new EventStoreUnavailableException("injected: " + when + " " + type));

        SagaState state = startAndAwait(SagaStatus.COMPENSATED);

        assertThat(processes.restarts()).isZero();
        assertCompensatedOnce(state);
        assertThat(state.step("pay").compensationAttempts()).isEqualTo(1);
    }

    @Test
    void aCompensationWhoseParticipantMeetsAnOutageWaitsForItWithoutBeingParked() {
        ledger.set("ship", Ledger.Behaviour.FAIL_NON_RETRYABLE);
        ledger.failTransientlyTimes("undo-pay", FulfilmentSaga.FAST.maxAttempts() + 2);

        SagaState state = startAndAwait(SagaStatus.COMPENSATED);

        assertCompensatedOnce(state);
        assertThat(state.step("pay").compensationAttempts()).isEqualTo(1);
    }

    @Test
    void aCompensationCutShortMoreOftenThanTheResumptionLimitIsParked() {
        SagaDefinition<Data> limited = saga;
        ledger.set("ship", Ledger.Behaviour.FAIL_NON_RETRYABLE);
        for (int i = 0; i < 3; i++) {
            ledger.once("undo-pay", Ledger.Behaviour.CRASH_AFTER_EFFECT);
        }
        try (EngineRestarts strict = new EngineRestarts(() -> SagaEngine.builder(store, index).register(limited)
                .pollInterval(Duration.ofMillis(20)).resumptionLimit(2).build())) {
            ledger.crashWith(strict::crash);
            UUID id = UUID.randomUUID();
            strict.engine().start(limited, id, new Data("o", null, null, null), EventMetadata.empty());

            SagaState state = strict.await(id, WAIT, SagaStatus.PARKED, SagaStatus.COMPENSATED);

            assertThat(state.status()).isEqualTo(SagaStatus.PARKED);
            assertThat(state.step("pay").lastError()).isEqualTo("compensation attempt 1 was cut short 3 times in a "
                    + "row (a crash or shutdown each time)");
            assertThat(strict.restarts()).isEqualTo(3);
        }
    }

    /** Throws the fault once, at the given point of the first append that records {@code type} for {@code step}. */
    private void strike(When when, String type, String step, Supplier<? extends Throwable> fault) {
        store.inject((at, stream, events) -> {
            if (at == when && records(events, type, step) && struck.compareAndSet(false, true)) {
                throw sneaky(fault.get());
            }
        });
    }

    private static boolean records(List<EventData> events, String type, String step) {
        return events.stream().anyMatch(e -> e.eventType().equals(type)
                && (step.isEmpty() || e.payload().contains("\"step\":\"" + step + "\"")));
    }

    /**
     * Waits until the struck process was replaced, once. The death can come right after an append that the wait for
     * the saga's end already saw (the append that finished the saga), so it is waited for rather than looked at.
     */
    private void awaitReplacedOnce() {
        await().atMost(WAIT).until(() -> struck.get() && processes.restartIfDead() != null
                && processes.restarts() > 0);
        assertThat(processes.restarts()).isEqualTo(1);
    }

    /** Starts a saga, as a client would: when the process dies under the call, it asks the next one again. */
    private SagaState startAndAwait(SagaStatus status) {
        UUID id = UUID.randomUUID();
        try {
            processes.engine().start(saga, id, new Data("o", null, null, null), EventMetadata.empty());
        } catch (SimulatedCrash died) {
            processes.restartIfDead().start(saga, id, new Data("o", null, null, null), EventMetadata.empty());
        }
        SagaState state = processes.await(id, WAIT, SagaStatus.COMPLETED, SagaStatus.COMPENSATED, SagaStatus.PARKED);
        assertThat(state.status()).as("%s (%s)", state.failure(), state.steps()).isEqualTo(status);
        return state;
    }

    private void assertCompletedOnce(SagaState state) {
        assertThat(ledger.effects()).containsExactly("reserve", "pay", "ship", "confirm");
        assertThat(state.steps().values()).allSatisfy(step -> assertThat(step.attempts()).as(step.name())
                .isEqualTo(1));
    }

    private void assertCompensatedOnce(SagaState state) {
        assertThat(ledger.effects()).containsExactly("reserve", "pay", "undo-pay", "undo-reserve");
        assertThat(ledger.outstanding()).isEmpty();
        assertThat(Collections.frequency(ledger.effects(), "undo-pay")).isEqualTo(1);
    }

    @SuppressWarnings("unchecked")
    private static <T extends Throwable> RuntimeException sneaky(Throwable fault) throws T {
        throw (T) fault;
    }
}
