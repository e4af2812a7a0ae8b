package dev.ordo.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ordo.core.event.StreamId;
import org.junit.jupiter.api.Test;

class ExpectedVersionUnitTests {

    private static final StreamId STREAM = StreamId.of("order-1");
    private static final StreamInfo NEVER_WRITTEN = null;
    private static final StreamInfo ACTIVE_AT_3 = new StreamInfo(STREAM, 3, StreamStatus.ACTIVE, 1);
    private static final StreamInfo ACTIVE_WITHOUT_EVENTS = new StreamInfo(STREAM, 0, StreamStatus.ACTIVE, 1);
    private static final StreamInfo SOFT_DELETED_AT_3 = new StreamInfo(STREAM, 3, StreamStatus.SOFT_DELETED, 4);

    @Test
    void anyIsSatisfiedByEveryState() {
        ExpectedVersion any = ExpectedVersion.any();

        assertThat(any.isSatisfiedBy(NEVER_WRITTEN)).isTrue();
        assertThat(any.isSatisfiedBy(ACTIVE_AT_3)).isTrue();
        assertThat(any.isSatisfiedBy(SOFT_DELETED_AT_3)).isTrue();
    }

    @Test
    void noStreamIsSatisfiedByANeverWrittenStream() {
        assertThat(ExpectedVersion.noStream().isSatisfiedBy(NEVER_WRITTEN)).isTrue();
    }

    @Test
    void noStreamIsSatisfiedByASoftDeletedStream() {
        assertThat(ExpectedVersion.noStream().isSatisfiedBy(SOFT_DELETED_AT_3)).isTrue();
    }

    @Test
    void noStreamIsSatisfiedByAStreamRowWithoutEvents() {
        assertThat(ExpectedVersion.noStream().isSatisfiedBy(ACTIVE_WITHOUT_EVENTS)).isTrue();
    }

    @Test
    void noStreamIsNotSatisfiedByAnActiveStreamWithEvents() {
        assertThat(ExpectedVersion.noStream().isSatisfiedBy(ACTIVE_AT_3)).isFalse();
    }

    @Test
    void streamExistsIsSatisfiedOnlyByAnActiveStreamWithEvents() {
        ExpectedVersion exists = ExpectedVersion.streamExists();

        assertThat(exists.isSatisfiedBy(ACTIVE_AT_3)).isTrue();
        assertThat(exists.isSatisfiedBy(NEVER_WRITTEN)).isFalse();
        assertThat(exists.isSatisfiedBy(SOFT_DELETED_AT_3)).isFalse();
        assertThat(exists.isSatisfiedBy(ACTIVE_WITHOUT_EVENTS)).isFalse();
    }

    @Test
    void exactZeroIsSatisfiedByAStreamWithNoEventsEver() {
        ExpectedVersion zero = ExpectedVersion.exact(0);

        assertThat(zero.isSatisfiedBy(NEVER_WRITTEN)).isTrue();
        assertThat(zero.isSatisfiedBy(ACTIVE_WITHOUT_EVENTS)).isTrue();
        assertThat(zero.isSatisfiedBy(ACTIVE_AT_3)).isFalse();
        assertThat(zero.isSatisfiedBy(SOFT_DELETED_AT_3)).isFalse();
    }

    @Test
    void exactIsSatisfiedOnlyByThatVersion() {
        ExpectedVersion three = ExpectedVersion.exact(3);

        assertThat(three.isSatisfiedBy(ACTIVE_AT_3)).isTrue();
        assertThat(three.isSatisfiedBy(new StreamInfo(STREAM, 2, StreamStatus.ACTIVE, 1))).isFalse();
        assertThat(three.isSatisfiedBy(new StreamInfo(STREAM, 4, StreamStatus.ACTIVE, 1))).isFalse();
        assertThat(three.isSatisfiedBy(NEVER_WRITTEN)).isFalse();
    }

    @Test
    void exactIsSatisfiedByASoftDeletedStreamThatKeptItsVersion() {
        assertThat(ExpectedVersion.exact(3).isSatisfiedBy(SOFT_DELETED_AT_3)).isTrue();
    }

    @Test
    void exactRejectsANegativeVersion() {
        assertThatThrownBy(() -> ExpectedVersion.exact(-1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("0 or more, was -1");
    }

    @Test
    void describesEachExpectationReadably() {
        assertThat(ExpectedVersion.any()).hasToString("any");
        assertThat(ExpectedVersion.noStream()).hasToString("no stream");
        assertThat(ExpectedVersion.streamExists()).hasToString("stream exists");
        assertThat(ExpectedVersion.exact(7)).hasToString("7");
    }

    @Test
    void comparesExpectationsByValue() {
        assertThat(ExpectedVersion.exact(2)).isEqualTo(ExpectedVersion.exact(2)).isNotEqualTo(ExpectedVersion.exact(3));
        assertThat(ExpectedVersion.noStream()).isEqualTo(ExpectedVersion.noStream());
    }
}
