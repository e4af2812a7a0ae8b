package dev.ordo.test.contract;

import dev.ordo.core.snapshot.SnapshotStore;
import dev.ordo.core.store.EventStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The whole event store contract: append semantics, idempotency, bad input, reads and filters, deletion and
 * truncation, snapshots, upcasting, and correctness under concurrency. A backend passes it with a subclass that
 * creates a fresh store (and snapshot store) for each test, using {@link dev.ordo.core.store.StoreLimits#defaults()}.
 */
public abstract class EventStoreContract implements AppendContract, IdempotencyContract, BadInputContract,
        ReadContract, MaintenanceContract, SnapshotContract, UpcastingContract, ConcurrencyContract {

    private EventStore store;
    private SnapshotStore snapshots;

    /** A new, empty event store. */
    protected abstract EventStore createStore() throws Exception;

    /** A new, empty snapshot store; may live in the same database as the event store. */
    protected abstract SnapshotStore createSnapshotStore(EventStore store) throws Exception;

    @BeforeEach
    void openStores() throws Exception {
        store = createStore();
        snapshots = createSnapshotStore(store);
    }

    @AfterEach
    void closeStores() {
        if (store != null) {
            store.close();
        }
    }

    @Override
    public EventStore store() {
        return store;
    }

    @Override
    public SnapshotStore snapshotStore() {
        return snapshots;
    }
}
