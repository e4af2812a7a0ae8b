package dev.ordo.test.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ordo.core.saga.SagaIndex;
import dev.ordo.core.saga.SagaStatus;
import dev.ordo.core.saga.SagaSummary;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link SagaIndex}: saving and replacing entries, listing by status and type, finding the unfinished
 * and due sagas, deleting. A backend passes it by implementing {@link #index()}. Each test uses its own sagas and
 * only looks for them, so a backend may share one database between tests.
 */
public interface SagaIndexContract {

    /** The saga index under test. */
    SagaIndex index();

    Instant NOW = Instant.parse("2026-06-01T10:00:00Z");

    private static SagaSummary saga(String type, SagaStatus status, Instant wakeAt, Instant updatedAt) {
        return new SagaSummary(UUID.randomUUID(), type, status, wakeAt, status == SagaStatus.PARKED ? "undo failed" : null,
                updatedAt);
    }

    @Test
    default void savesAndReplacesASagasEntry() {
        SagaSummary running = saga("fulfilment", SagaStatus.RUNNING, null, NOW);
        index().save(running);
        SagaSummary parked = new SagaSummary(running.sagaId(), "fulfilment", SagaStatus.PARKED, null, "undo failed",
                NOW.plusSeconds(1));

        index().save(parked);

        assertThat(index().get(running.sagaId())).contains(parked);
    }

    @Test
    default void listsByStatusAndTypeMostRecentFirst() {
        String type = "t-" + UUID.randomUUID().toString().substring(0, 8);
        SagaSummary older = saga(type, SagaStatus.PARKED, null, NOW);
        SagaSummary newer = saga(type, SagaStatus.PARKED, null, NOW.plusSeconds(5));
        SagaSummary other = saga(type, SagaStatus.COMPLETED, null, NOW);
        index().save(older);
        index().save(newer);
        index().save(other);

        assertThat(index().list(SagaStatus.PARKED, type, 10)).containsExactly(newer, older);
        assertThat(index().list(null, type, 10)).hasSize(3);
        assertThat(index().list(null, type, 1)).hasSize(1);
    }

    @Test
    default void unfinishedSagasAreTheRunningAndCompensatingOnes() {
        SagaSummary running = saga("u", SagaStatus.RUNNING, null, NOW);
        SagaSummary compensating = saga("u", SagaStatus.COMPENSATING, null, NOW);
        SagaSummary parked = saga("u", SagaStatus.PARKED, null, NOW);
        SagaSummary done = saga("u", SagaStatus.COMPLETED, null, NOW);
        index().save(running);
        index().save(compensating);
        index().save(parked);
        index().save(done);

        assertThat(index().unfinished(100_000)).contains(running.sagaId(), compensating.sagaId())
                .doesNotContain(parked.sagaId(), done.sagaId());
    }

    @Test
    default void dueSagasAreUnfinishedOnesWhoseWakeUpTimeHasCome() {
        SagaSummary due = saga("d", SagaStatus.RUNNING, NOW.minusSeconds(1), NOW);
        SagaSummary later = saga("d", SagaStatus.RUNNING, NOW.plus(1, ChronoUnit.HOURS), NOW);
        SagaSummary finished = saga("d", SagaStatus.COMPLETED, NOW.minusSeconds(1), NOW);
        index().save(due);
        index().save(later);
        index().save(finished);

        assertThat(index().due(NOW, 100_000)).contains(due.sagaId()).doesNotContain(later.sagaId(), finished.sagaId());
    }

    @Test
    default void deletesAnEntry() {
        SagaSummary saga = saga("x", SagaStatus.RUNNING, null, NOW);
        index().save(saga);

        index().delete(saga.sagaId());

        assertThat(index().get(saga.sagaId())).isEmpty();
    }
}
