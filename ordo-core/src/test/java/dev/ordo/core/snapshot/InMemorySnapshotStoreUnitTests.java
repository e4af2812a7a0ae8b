package dev.ordo.core.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ordo.core.event.StreamId;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class InMemorySnapshotStoreUnitTests {

    private static final StreamId STREAM = StreamId.of("order-1");
    private static final Instant NOW = Instant.parse("2025-01-01T00:00:00Z");

    private final InMemorySnapshotStore store = new InMemorySnapshotStore();

    private static Snapshot snapshot(long version, int schemaVersion, String state) {
        return new Snapshot(STREAM, version, schemaVersion, state, NOW);
    }

    @Test
    void loadsNothingForAStreamWithoutSnapshot() {
        assertThat(store.load(STREAM)).isEmpty();
    }

    @Test
    void loadsTheSavedSnapshot() {
        Snapshot saved = snapshot(3, 1, "{\"total\":3}");

        store.save(saved);

        assertThat(store.load(STREAM)).contains(saved);
    }

    @Test
    void replacesASnapshotWithOneOfAHigherVersion() {
        store.save(snapshot(3, 1, "old"));

        store.save(snapshot(5, 1, "new"));

        assertThat(store.load(STREAM)).map(Snapshot::state).contains("new");
    }

    @Test
    void keepsTheStoredSnapshotWhenOfferedALowerVersionOfTheSameSchema() {
        store.save(snapshot(5, 1, "newer"));

        store.save(snapshot(3, 1, "older"));

        assertThat(store.load(STREAM)).map(Snapshot::state).contains("newer");
    }

    @Test
    void replacesTheStoredSnapshotWithOneOfAnotherSchemaEvenAtALowerVersion() {
        store.save(snapshot(5, 1, "old schema"));

        store.save(snapshot(3, 2, "new schema"));

        assertThat(store.load(STREAM)).map(Snapshot::state).contains("new schema");
    }

    @Test
    void replacesASnapshotOfTheSameVersion() {
        store.save(snapshot(5, 1, "first"));

        store.save(snapshot(5, 1, "second"));

        assertThat(store.load(STREAM)).map(Snapshot::state).contains("second");
    }

    @Test
    void keepsTheSnapshotsOfDifferentStreamsApart() {
        StreamId other = StreamId.of("order-2");
        store.save(snapshot(5, 1, "one"));

        store.save(new Snapshot(other, 1, 1, "two", NOW));

        assertThat(store.load(STREAM)).map(Snapshot::state).contains("one");
        assertThat(store.load(other)).map(Snapshot::state).contains("two");
    }

    @Test
    void deletesAStreamsSnapshot() {
        store.save(snapshot(5, 1, "state"));

        store.delete(STREAM);
        store.delete(StreamId.of("never-saved"));

        assertThat(store.load(STREAM)).isEmpty();
    }

    @Test
    void refusesASnapshotBeforeTheFirstEvent() {
        assertThatThrownBy(() -> snapshot(0, 1, "state"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one event, version was 0");
    }
}
