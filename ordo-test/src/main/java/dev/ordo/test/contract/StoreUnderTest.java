package dev.ordo.test.contract;

import dev.ordo.core.snapshot.SnapshotStore;
import dev.ordo.core.store.EventStore;

/** What every contract interface needs: a fresh store for the current test. */
public interface StoreUnderTest {

    /** The event store under test, empty at the start of each test. */
    EventStore store();

    /** The snapshot store under test, empty at the start of each test. */
    SnapshotStore snapshotStore();
}
