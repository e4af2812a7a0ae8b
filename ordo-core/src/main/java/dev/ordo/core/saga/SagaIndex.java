package dev.ordo.core.saga;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The list of sagas by status and their next wake-up time: how the engine finds the sagas to resume after a
 * restart and those whose deadline passed. It is a hint kept up to date by the engine; the saga's stream is the
 * truth, so a stale entry only causes a harmless extra look. Thread-safe.
 */
public interface SagaIndex {

    /** Inserts or replaces the entry of a saga. */
    void save(SagaSummary summary);

    Optional<SagaSummary> get(UUID sagaId);

    /**
     * Sagas, most recently updated first.
     *
     * @param status only this status, or {@code null} for all
     * @param type   only this saga type, or {@code null} for all
     */
    List<SagaSummary> list(SagaStatus status, String type, int limit);

    /** Sagas that are running or compensating (not parked, not finished). */
    List<UUID> unfinished(int limit);

    /** Unfinished sagas whose wake-up time is at or before {@code now}. */
    List<UUID> due(Instant now, int limit);

    void delete(UUID sagaId);
}
