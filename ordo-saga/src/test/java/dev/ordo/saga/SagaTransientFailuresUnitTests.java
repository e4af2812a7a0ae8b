package dev.ordo.saga;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ordo.core.event.EventMetadata;
import dev.ordo.core.saga.InMemorySagaIndex;
import dev.ordo.core.saga.SagaIndex;
import dev.ordo.core.saga.SagaStatus;
import dev.ordo.core.saga.SagaSummary;
import dev.ordo.core.store.EventStoreUnavailableException;
import dev.ordo.core.store.InMemoryEventStore;
import dev.ordo.saga.FulfilmentSaga.Data;
import dev.ordo.test.faults.FaultyEventStore;
import dev.ordo.test.faults.SimulatedCrash;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * The database goes away for a while: sagas wait for it with backoff, in the running process, and finish once it is
 * back; a step whose participant meets the same outage is tried again as the same attempt.
 */
class SagaTransientFailuresUnitTests {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private final FaultyEventStore store = FaultyEventStore.wrap(new InMemoryEventStore());
    private final InMemorySagaIndex index = new InMemorySagaIndex();
    private final Ledger ledger = new Ledger();
    private final SagaDefinition<Data> saga = FulfilmentSaga.definition(ledger, WAIT);

    private SagaEngine engine() {
        return SagaEngine.builder(store, index).register(saga).pollInterval(Duration.ofMillis(20))
                .transientBackoff(Duration.ofMillis(5), Duration.ofMillis(50)).build();
    }

    @Test
    void sagasWhoseDatabaseWentAwayInTheMiddleOfAStepFinishWithoutARestartOnceItIsBack() throws InterruptedException {
        List<UUID> ids = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        AtomicBoolean wentDown = new AtomicBoolean();
        // the database goes away as the last saga's payment outcome is written: that outcome is unknown
        store.inject((when, stream, events) -> {
            if (when == FaultyEventStore.When.AFTER && stream.equals(SagaJournal.stream(ids.getLast()))
                    && events.stream().anyMatch(e -> e.eventType().equals("saga.step-succeeded")
                    && e.payload().contains("\"pay\"")) && wentDown.compareAndSet(false, true)) {
                store.down(true);
                throw new EventStoreUnavailableException("injected: the connection broke after the commit");
            }
        });
        try (SagaEngine engine = engine()) {
            for (UUID id : ids) {
                engine.start(saga, id, new Data("o", null, null, null), EventMetadata.empty());
            }
            await().atMost(WAIT).until(wentDown::get);
            await("the sagas keep trying while the database is down").atMost(WAIT)
                    .until(() -> store.injected() >= 4);

            store.heal();

            for (UUID id : ids) {
                SagaState state = engine.await(id, WAIT, SagaStatus.COMPLETED, SagaStatus.COMPENSATED,
                        SagaStatus.PARKED);
                assertThat(state.status()).as("saga %s: %s", id, state.failure()).isEqualTo(SagaStatus.COMPLETED);
                assertThat(state.steps().values()).allSatisfy(step -> assertThat(step.attempts()).isEqualTo(1));
            }
            assertThat(ledger.effects()).hasSize(4 * ids.size());
            assertThat(ledger.outstanding()).hasSize(4 * ids.size());
        }
    }

    @Test
    void aStepWhoseParticipantMeetsAnOutageIsTriedAgainAsTheSameAttemptUntilItIsBack() throws InterruptedException {
        ledger.failTransientlyTimes("pay", FulfilmentSaga.FAST.maxAttempts() + 1);
        try (SagaEngine engine = engine()) {
            UUID id = UUID.randomUUID();
            engine.start(saga, id, new Data("o", null, null, null), EventMetadata.empty());

            SagaState state = engine.await(id, WAIT, SagaStatus.COMPLETED, SagaStatus.COMPENSATED, SagaStatus.PARKED);

            assertThat(state.status()).as(state.failure()).isEqualTo(SagaStatus.COMPLETED);
            assertThat(state.step("pay").attempts()).isEqualTo(1);
            assertThat(ledger.calls("pay")).isEqualTo(FulfilmentSaga.FAST.maxAttempts() + 2);
            assertThat(ledger.effects()).containsExactly("reserve", "pay", "ship", "confirm");
        }
    }

    @Test
    void resumingAfterAStartWhileTheDatabaseIsDownWaitsForItInsteadOfFailingTheStart() throws InterruptedException {
        UUID id = UUID.randomUUID();
        try (SagaEngine first = engine()) {
            store.inject((when, stream, events) -> {
                if (events.stream().anyMatch(e -> e.eventType().equals("saga.step-succeeded"))) {
                    throw new SimulatedCrash("before the first step's outcome");
                }
            });
            first.start(saga, id, new Data("o", null, null, null), EventMetadata.empty());
            await().atMost(WAIT).until(() -> store.injected() > 0);
        }
        store.heal();
        AtomicBoolean indexDown = new AtomicBoolean(true);
        SagaIndex flaky = new DelegatingIndex(index) {
            @Override
            public List<UUID> unfinished(int limit) {
                if (indexDown.get()) {
                    throw new EventStoreUnavailableException("injected: the database is down");
                }
                return super.unfinished(limit);
            }
        };
        try (SagaEngine restarted = SagaEngine.builder(store, flaky).register(saga).pollInterval(Duration.ofMillis(20))
                .transientBackoff(Duration.ofMillis(5), Duration.ofMillis(50)).build()) {
            assertThat(restarted.resumeUnfinished()).isZero();
            indexDown.set(false);

            SagaState state = restarted.await(id, WAIT, SagaStatus.COMPLETED, SagaStatus.COMPENSATED,
                    SagaStatus.PARKED);
            assertThat(state.status()).as(state.failure()).isEqualTo(SagaStatus.COMPLETED);
        }
    }

    /** An index that passes everything on; tests override what should fail. */
    private static class DelegatingIndex implements SagaIndex {
        private final SagaIndex delegate;

        DelegatingIndex(SagaIndex delegate) {
            this.delegate = delegate;
        }

        @Override
        public void save(SagaSummary summary) {
            delegate.save(summary);
        }

        @Override
        public Optional<SagaSummary> get(UUID sagaId) {
            return delegate.get(sagaId);
        }

        @Override
        public List<SagaSummary> list(SagaStatus status, String type, int limit) {
            return delegate.list(status, type, limit);
        }

        @Override
        public List<UUID> unfinished(int limit) {
            return delegate.unfinished(limit);
        }

        @Override
        public List<UUID> due(Instant now, int limit) {
            return delegate.due(now, limit);
        }

        @Override
        public void delete(UUID sagaId) {
            delegate.delete(sagaId);
        }
    }
}
