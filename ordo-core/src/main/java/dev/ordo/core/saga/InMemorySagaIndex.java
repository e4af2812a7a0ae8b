package dev.ordo.core.saga;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** A {@link SagaIndex} in memory, for tests and single-process demos. Thread-safe. */
public final class InMemorySagaIndex implements SagaIndex {

    private final ConcurrentMap<UUID, SagaSummary> sagas = new ConcurrentHashMap<>();

    @Override
    public void save(SagaSummary summary) {
        sagas.put(summary.sagaId(), summary);
    }

    @Override
    public Optional<SagaSummary> get(UUID sagaId) {
        return Optional.ofNullable(sagas.get(sagaId));
    }

    @Override
    public List<SagaSummary> list(SagaStatus status, String type, int limit) {
        return sagas.values().stream()
                .filter(s -> status == null || s.status() == status)
                .filter(s -> type == null || type.equals(s.type()))
                .sorted(Comparator.comparing(SagaSummary::updatedAt).reversed().thenComparing(SagaSummary::sagaId))
                .limit(limit).toList();
    }

    @Override
    public List<UUID> unfinished(int limit) {
        return sagas.values().stream().filter(InMemorySagaIndex::unfinished).map(SagaSummary::sagaId).limit(limit)
                .toList();
    }

    @Override
    public List<UUID> due(Instant now, int limit) {
        return sagas.values().stream().filter(InMemorySagaIndex::unfinished)
                .filter(s -> s.wakeAt() != null && !s.wakeAt().isAfter(now))
                .sorted(Comparator.comparing(SagaSummary::wakeAt)).map(SagaSummary::sagaId).limit(limit).toList();
    }

    @Override
    public void delete(UUID sagaId) {
        sagas.remove(sagaId);
    }

    private static boolean unfinished(SagaSummary s) {
        return s.status() == SagaStatus.RUNNING || s.status() == SagaStatus.COMPENSATING;
    }
}
