package dev.ordo.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ordo.core.event.EventData;
import dev.ordo.core.event.StreamId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AppendRulesRetryUnitTests {

    private static final StreamId STREAM = StreamId.of("order-1");
    private static final StreamId OTHER = StreamId.of("order-2");

    private final EventData first = new EventData(UUID.randomUUID(), "order.placed", 1, "{}", null);
    private final EventData second = new EventData(UUID.randomUUID(), "order.paid", 1, "{}", null);
    private final List<EventData> events = List.of(first, second);

    private static StoredEventRef stored(EventData event, StreamId stream, long version, long position) {
        return new StoredEventRef(event.eventId(), stream, version, position, event.eventType(), event.schemaVersion(),
                true);
    }

    @Test
    void isNoRetryWhenNoneOfTheIdsIsStored() {
        assertThat(AppendRules.retryResult(STREAM, ExpectedVersion.any(), events, List.of())).isEmpty();
    }

    @Test
    void returnsTheOriginalResultOfAnExactRetry() {
        List<StoredEventRef> refs = List.of(stored(first, STREAM, 4, 10), stored(second, STREAM, 5, 11));

        assertThat(AppendRules.retryResult(STREAM, ExpectedVersion.exact(3), events, refs))
                .contains(new AppendResult(5, 10, 11));
        assertThat(AppendRules.retryResult(STREAM, ExpectedVersion.any(), events, refs))
                .contains(new AppendResult(5, 10, 11));
    }

    @Test
    void acceptsTheStoredReferencesInAnyOrder() {
        List<StoredEventRef> refs = List.of(stored(second, STREAM, 5, 11), stored(first, STREAM, 4, 10));

        assertThat(AppendRules.retryResult(STREAM, ExpectedVersion.any(), events, refs))
                .contains(new AppendResult(5, 10, 11));
    }

    @Test
    void refusesARequestWhoseIdsAreOnlyPartlyStored() {
        List<StoredEventRef> refs = List.of(stored(first, STREAM, 4, 10));

        assertThatThrownBy(() -> AppendRules.retryResult(STREAM, ExpectedVersion.any(), events, refs))
                .isInstanceOf(DuplicateEventIdException.class)
                .hasMessageContaining("the other 1 events of the request are new")
                .satisfies(e -> {
                    DuplicateEventIdException duplicate = (DuplicateEventIdException) e;
                    assertThat(duplicate.duplicateIds()).containsExactly(first.eventId());
                    assertThat(duplicate.streamId()).isEqualTo(STREAM);
                });
    }

    @Test
    void refusesIdsStoredInAnotherStream() {
        List<StoredEventRef> refs = List.of(stored(first, OTHER, 1, 10), stored(second, OTHER, 2, 11));

        assertThatThrownBy(() -> AppendRules.retryResult(STREAM, ExpectedVersion.any(), events, refs))
                .isInstanceOf(DuplicateEventIdException.class)
                .hasMessageContaining("is stored in stream order-2");
    }

    @Test
    void refusesIdsStoredInAnotherOrder() {
        List<StoredEventRef> refs = List.of(stored(first, STREAM, 5, 11), stored(second, STREAM, 4, 10));

        assertThatThrownBy(() -> AppendRules.retryResult(STREAM, ExpectedVersion.any(), events, refs))
                .isInstanceOf(DuplicateEventIdException.class)
                .hasMessageContaining("by a different append or in a different order");
    }

    @Test
    void refusesIdsStoredByTwoDifferentAppends() {
        List<StoredEventRef> refs = List.of(stored(first, STREAM, 4, 10), stored(second, STREAM, 5, 14));

        assertThatThrownBy(() -> AppendRules.retryResult(STREAM, ExpectedVersion.any(), events, refs))
                .isInstanceOf(DuplicateEventIdException.class)
                .hasMessageContaining("by a different append or in a different order");
    }

    @Test
    void refusesARetryWithAnotherExactExpectedVersion() {
        List<StoredEventRef> refs = List.of(stored(first, STREAM, 4, 10), stored(second, STREAM, 5, 11));

        assertThatThrownBy(() -> AppendRules.retryResult(STREAM, ExpectedVersion.exact(2), events, refs))
                .isInstanceOf(DuplicateEventIdException.class)
                .hasMessageContaining("appended after version 3, not after the expected version 2");
    }

    @Test
    void refusesAStoredIdWhoseTypeDiffers() {
        StoredEventRef otherType = new StoredEventRef(second.eventId(), STREAM, 5, 11, "order.cancelled", 1, true);
        List<StoredEventRef> refs = List.of(stored(first, STREAM, 4, 10), otherType);

        assertThatThrownBy(() -> AppendRules.retryResult(STREAM, ExpectedVersion.any(), events, refs))
                .isInstanceOfSatisfying(DuplicateEventIdException.class,
                        e -> assertThat(e.duplicateIds()).containsExactly(first.eventId(), second.eventId()))
                .hasMessageContaining("event " + second.eventId() + " is stored with type 'order.cancelled' but the "
                        + "request has type 'order.paid'");
    }

    @Test
    void refusesAStoredIdWhoseSchemaVersionDiffers() {
        StoredEventRef otherSchema = new StoredEventRef(first.eventId(), STREAM, 4, 10, "order.placed", 2, true);
        List<StoredEventRef> refs = List.of(otherSchema, stored(second, STREAM, 5, 11));

        assertThatThrownBy(() -> AppendRules.retryResult(STREAM, ExpectedVersion.any(), events, refs))
                .isInstanceOf(DuplicateEventIdException.class)
                .hasMessageContaining("event " + first.eventId() + " is stored with schema version 2 but the request "
                        + "has schema version 1");
    }

    @Test
    void refusesAStoredIdWhosePayloadDiffers() {
        StoredEventRef otherPayload = new StoredEventRef(second.eventId(), STREAM, 5, 11, "order.paid", 1, false);
        List<StoredEventRef> refs = List.of(stored(first, STREAM, 4, 10), otherPayload);

        assertThatThrownBy(() -> AppendRules.retryResult(STREAM, ExpectedVersion.any(), events, refs))
                .isInstanceOf(DuplicateEventIdException.class)
                .hasMessageContaining("event " + second.eventId() + " is stored with another payload");
    }

    @Test
    void passesTheExpectedVersionCheckWhenItHolds() {
        StreamInfo current = new StreamInfo(STREAM, 3, StreamStatus.ACTIVE, 1);

        assertThatCode(() -> AppendRules.checkExpectedVersion(STREAM, ExpectedVersion.exact(3), current))
                .doesNotThrowAnyException();
    }

    @Test
    void reportsTheActualVersionWhenTheExpectationFails() {
        StreamInfo current = new StreamInfo(STREAM, 3, StreamStatus.ACTIVE, 1);

        assertThatThrownBy(() -> AppendRules.checkExpectedVersion(STREAM, ExpectedVersion.exact(2), current))
                .isInstanceOfSatisfying(WrongExpectedVersionException.class, e -> {
                    assertThat(e.actualVersion()).isEqualTo(3);
                    assertThat(e.expected()).isEqualTo(ExpectedVersion.exact(2));
                    assertThat(e.streamId()).isEqualTo(STREAM);
                })
                .hasMessage("stream order-1 was expected at version 2 but is at version 3");
    }

    @Test
    void reportsVersionZeroForANeverWrittenStream() {
        assertThatThrownBy(() -> AppendRules.checkExpectedVersion(STREAM, ExpectedVersion.streamExists(), null))
                .isInstanceOfSatisfying(WrongExpectedVersionException.class,
                        e -> assertThat(e.actualVersion()).isZero());
    }

    @Test
    void refusesATombstonedStreamWhateverTheExpectation() {
        StreamInfo tombstoned = new StreamInfo(STREAM, 3, StreamStatus.TOMBSTONED, 1);

        assertThatThrownBy(() -> AppendRules.checkExpectedVersion(STREAM, ExpectedVersion.any(), tombstoned))
                .isInstanceOfSatisfying(StreamDeletedException.class,
                        e -> assertThat(e.streamId()).isEqualTo(STREAM))
                .hasMessageContaining("tombstoned");
    }
}
