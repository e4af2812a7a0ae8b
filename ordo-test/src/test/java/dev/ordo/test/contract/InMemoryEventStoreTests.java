package dev.ordo.test.contract;

import dev.ordo.core.snapshot.InMemorySnapshotStore;
import dev.ordo.core.snapshot.SnapshotStore;
import dev.ordo.core.store.EventStore;
import dev.ordo.core.store.InMemoryEventStore;

/** The in-memory store passes the same contract as the durable ones. */
class InMemoryEventStoreTests extends EventStoreContract {

    @Override
    protected EventStore createStore() {
        return new InMemoryEventStore();
    }

    @Override
    protected SnapshotStore createSnapshotStore(EventStore store) {
        return new InMemorySnapshotStore();
    }
}
