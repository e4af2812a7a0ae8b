package dev.ordo.test.contract;

import dev.ordo.core.subscription.CheckpointStore;
import dev.ordo.core.subscription.InMemoryCheckpointStore;

/** The in-memory checkpoint store passes the checkpoint contract. */
class InMemoryCheckpointStoreTests implements CheckpointStoreContract {

    private final InMemoryCheckpointStore checkpoints = new InMemoryCheckpointStore();

    @Override
    public CheckpointStore checkpoints() {
        return checkpoints;
    }
}
