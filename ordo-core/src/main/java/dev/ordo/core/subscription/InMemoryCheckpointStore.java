package dev.ordo.core.subscription;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** A {@link CheckpointStore} in memory, for tests. Thread-safe. */
public final class InMemoryCheckpointStore implements CheckpointStore {

    private final ConcurrentMap<String, Long> checkpoints = new ConcurrentHashMap<>();

    @Override
    public long load(String subscription) {
        return checkpoints.getOrDefault(subscription, 0L);
    }

    @Override
    public void save(String subscription, long position) {
        checkpoints.merge(subscription, position, Math::max);
    }

    @Override
    public void reset(String subscription, long position) {
        checkpoints.put(subscription, position);
    }
}
