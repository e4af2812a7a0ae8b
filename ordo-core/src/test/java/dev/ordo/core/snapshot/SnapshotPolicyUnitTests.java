package dev.ordo.core.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SnapshotPolicyUnitTests {

    @ParameterizedTest
    @ValueSource(longs = {0, 1, 100, Long.MAX_VALUE})
    void neverSnapshots(long events) {
        assertThat(SnapshotPolicy.never().shouldSnapshot(events)).isFalse();
    }

    @Test
    void snapshotsOnceNEventsOrMoreWereFolded() {
        SnapshotPolicy everyThree = SnapshotPolicy.everyNEvents(3);

        assertThat(everyThree.shouldSnapshot(0)).isFalse();
        assertThat(everyThree.shouldSnapshot(2)).isFalse();
        assertThat(everyThree.shouldSnapshot(3)).isTrue();
        assertThat(everyThree.shouldSnapshot(4)).isTrue();
        assertThat(everyThree.shouldSnapshot(1_000)).isTrue();
    }

    @Test
    void snapshotsAfterEveryEventWithAnIntervalOfOne() {
        SnapshotPolicy everyEvent = SnapshotPolicy.everyNEvents(1);

        assertThat(everyEvent.shouldSnapshot(0)).isFalse();
        assertThat(everyEvent.shouldSnapshot(1)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1})
    void rejectsAnIntervalBelowOne(int n) {
        assertThatThrownBy(() -> SnapshotPolicy.everyNEvents(n))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 1 event, was " + n);
    }
}
