package dev.ordo.marketplace.platform.sagas;

import dev.ordo.saga.ParkedCompensation;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * {@link ParkedCompensations} in memory: lost on restart, where the saga streams still say which sagas are
 * {@code PARKED} ({@code GET /sagas?status=PARKED}). Thread-safe.
 */
public final class InMemoryParkedCompensations implements ParkedCompensations {

    private final List<ParkedCompensation> parked = new ArrayList<>();

    @Override
    public synchronized void record(ParkedCompensation compensation) {
        parked.add(compensation);
    }

    @Override
    public synchronized List<ParkedCompensation> list() {
        return List.copyOf(parked);
    }

    @Override
    public synchronized void resolved(UUID sagaId) {
        parked.removeIf(p -> p.sagaId().equals(sagaId));
    }
}
