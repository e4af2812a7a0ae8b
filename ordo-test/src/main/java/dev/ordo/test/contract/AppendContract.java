package dev.ordo.test.contract;

import static dev.ordo.test.contract.ContractEvents.itemAdded;
import static dev.ordo.test.contract.ContractEvents.itemsAdded;
import static dev.ordo.test.contract.ContractEvents.uniqueStream;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.ordo.core.event.EventData;
import dev.ordo.core.event.EventMetadata;
import dev.ordo.core.event.RecordedEvent;
import dev.ordo.core.event.StreamId;
import dev.ordo.core.store.AppendResult;
import dev.ordo.core.store.EventStoreUnavailableException;
import dev.ordo.core.store.ExpectedVersion;
import dev.ordo.core.store.WrongExpectedVersionException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Append semantics: versions, positions, expected versions and what a recorded event carries. */
public interface AppendContract extends StoreUnderTest {

    @Test
    default void appendsToANewStreamStartingAtVersionOne() {
        StreamId stream = uniqueStream("cart");

        AppendResult result = store().append(stream, ExpectedVersion.noStream(), itemsAdded(3));

        assertThat(result.streamVersion()).isEqualTo(3);
        assertThat(store().readStreamForwards(stream, 1, 10)).extracting(RecordedEvent::streamVersion)
                .containsExactly(1L, 2L, 3L);
    }

    @Test
    default void assignsContiguousIncreasingGlobalPositions() {
        long head = store().headPosition();

        AppendResult first = store().append(uniqueStream("cart"), ExpectedVersion.any(), itemsAdded(2));
        AppendResult second = store().append(uniqueStream("cart"), ExpectedVersion.any(), itemsAdded(3));

        assertThat(first.firstPosition()).isGreaterThan(head);
        assertThat(first.lastPosition()).isEqualTo(first.firstPosition() + 1);
        assertThat(second.firstPosition()).isGreaterThan(first.lastPosition());
        assertThat(second.positions()).containsExactly(second.firstPosition(), second.firstPosition() + 1,
                second.firstPosition() + 2);
        assertThat(store().headPosition()).isEqualTo(second.lastPosition());
    }

    @Test
    default void exactExpectedVersionContinuesTheStream() {
        StreamId stream = uniqueStream("cart");
        store().append(stream, ExpectedVersion.noStream(), itemsAdded(2));

        AppendResult result = store().append(stream, ExpectedVersion.exact(2), itemsAdded(1));

        assertThat(result.streamVersion()).isEqualTo(3);
    }

    @Test
    default void rejectsAStaleExactVersionAndReportsTheActualOne() {
        StreamId stream = uniqueStream("cart");
        store().append(stream, ExpectedVersion.noStream(), itemsAdded(3));
        long head = store().headPosition();

        assertThatThrownBy(() -> store().append(stream, ExpectedVersion.exact(1), itemsAdded(1)))
                .isInstanceOfSatisfying(WrongExpectedVersionException.class, e -> {
                    assertThat(e.actualVersion()).isEqualTo(3);
                    assertThat(e.expected()).isEqualTo(ExpectedVersion.exact(1));
                    assertThat(e.streamId()).isEqualTo(stream);
                    assertThat(e).hasMessageContaining(stream.value()).hasMessageContaining("version 3");
                });
        assertThat(store().headPosition()).isEqualTo(head);
    }

    @Test
    default void rejectsAnExactVersionAheadOfTheStream() {
        StreamId stream = uniqueStream("cart");
        store().append(stream, ExpectedVersion.noStream(), itemsAdded(1));

        assertThatThrownBy(() -> store().append(stream, ExpectedVersion.exact(5), itemsAdded(1)))
                .isInstanceOfSatisfying(WrongExpectedVersionException.class, e -> assertThat(e.actualVersion()).isEqualTo(1));
    }

    @Test
    default void rejectsNoStreamWhenTheStreamHasEvents() {
        StreamId stream = uniqueStream("cart");
        store().append(stream, ExpectedVersion.noStream(), itemsAdded(1));

        assertThatThrownBy(() -> store().append(stream, ExpectedVersion.noStream(), itemsAdded(1)))
                .isInstanceOfSatisfying(WrongExpectedVersionException.class, e -> assertThat(e.actualVersion()).isEqualTo(1));
    }

    @Test
    default void rejectsStreamExistsWhenTheStreamWasNeverWritten() {
        StreamId stream = uniqueStream("cart");

        assertThatThrownBy(() -> store().append(stream, ExpectedVersion.streamExists(), itemsAdded(1)))
                .isInstanceOfSatisfying(WrongExpectedVersionException.class, e -> assertThat(e.actualVersion()).isZero());
        assertThat(store().streamInfo(stream)).isEmpty();
    }

    @Test
    default void streamExistsAppendsToAStreamWithEvents() {
        StreamId stream = uniqueStream("cart");
        store().append(stream, ExpectedVersion.noStream(), itemsAdded(1));

        assertThat(store().append(stream, ExpectedVersion.streamExists(), itemsAdded(1)).streamVersion()).isEqualTo(2);
    }

    @Test
    default void anyVersionAppendsWhateverTheStreamsVersion() {
        StreamId stream = uniqueStream("cart");

        store().append(stream, ExpectedVersion.any(), itemsAdded(2));
        AppendResult result = store().append(stream, ExpectedVersion.any(), itemsAdded(2));

        assertThat(result.streamVersion()).isEqualTo(4);
    }

    @Test
    default void exactVersionZeroMeansTheStreamHasNoEvents() {
        StreamId stream = uniqueStream("cart");

        assertThat(store().append(stream, ExpectedVersion.exact(0), itemsAdded(1)).streamVersion()).isEqualTo(1);
        assertThatThrownBy(() -> store().append(stream, ExpectedVersion.exact(0), itemsAdded(1)))
                .isInstanceOf(WrongExpectedVersionException.class);
    }

    @Test
    default void recordsIdTypeSchemaVersionPayloadMetadataAndTime() {
        StreamId stream = uniqueStream("cart");
        EventMetadata metadata = EventMetadata.empty().withCorrelationId("corr-1").withCausationId("cmd-9")
                .withActor("alice@example.com").withTraceParent("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")
                .with("tenant", "acme").with("tracestate", "rojo=00f067aa0ba902b7");
        EventData data = EventData.of("cart.checked-out", 2,
                "{\"customer\":\"Zoë 😀\",\"channel\":\"web\",\"note\":\"quotes \\\" and \\\\ backslash\"}", metadata);
        Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);

        AppendResult result = store().append(stream, ExpectedVersion.noStream(), List.of(data));

        RecordedEvent recorded = store().readStreamForwards(stream, 1, 1).getFirst();
        assertThat(recorded.eventId()).isEqualTo(data.eventId());
        assertThat(recorded.streamId()).isEqualTo(stream);
        assertThat(recorded.streamVersion()).isEqualTo(1);
        assertThat(recorded.position()).isEqualTo(result.firstPosition());
        assertThat(recorded.eventType()).isEqualTo("cart.checked-out");
        assertThat(recorded.schemaVersion()).isEqualTo(2);
        assertThat(JsonAssert.parse(recorded.payload())).isEqualTo(JsonAssert.parse(data.payload()));
        assertThat(recorded.metadata()).isEqualTo(metadata);
        assertThat(recorded.metadata().extra()).isEqualTo(Map.of("tenant", "acme", "tracestate", "rojo=00f067aa0ba902b7"));
        assertThat(recorded.recordedAt()).isCloseTo(before, within(1, ChronoUnit.MINUTES));
    }

    @Test
    default void recordsEmptyMetadataAsEmpty() {
        StreamId stream = uniqueStream("cart");

        store().append(stream, ExpectedVersion.noStream(), List.of(itemAdded("a", 1)));

        assertThat(store().readStreamForwards(stream, 1, 1).getFirst().metadata().isEmpty()).isTrue();
    }

    @Test
    default void writesNothingWhenTheExpectedVersionFails() {
        StreamId stream = uniqueStream("cart");
        store().append(stream, ExpectedVersion.noStream(), itemsAdded(1));
        long head = store().headPosition();

        assertThatThrownBy(() -> store().append(stream, ExpectedVersion.exact(7), itemsAdded(5)))
                .isInstanceOf(WrongExpectedVersionException.class);

        assertThat(store().headPosition()).isEqualTo(head);
        assertThat(store().readStreamForwards(stream, 1, 100)).hasSize(1);
        assertThat(store().streamInfo(stream)).hasValueSatisfying(info -> assertThat(info.version()).isEqualTo(1));
    }

    @Test
    default void aCallerInterruptedAsItAppendsHearsTheTrueOutcomeAndKeepsItsInterrupt() {
        StreamId stream = uniqueStream("cart");
        AppendResult result = null;
        EventStoreUnavailableException gaveUp = null;
        boolean keptInterrupt;

        Thread.currentThread().interrupt();
        try {
            result = store().append(stream, ExpectedVersion.noStream(), itemsAdded(2));
        } catch (EventStoreUnavailableException e) {
            gaveUp = e;
        } finally {
            keptInterrupt = Thread.interrupted();
        }

        assertThat(keptInterrupt).isTrue();
        store().append(uniqueStream("cart"), ExpectedVersion.noStream(), itemsAdded(1));
        if (gaveUp != null) {
            assertThat(gaveUp.mayHaveWritten()).as("an append its caller gave up on is withdrawn, never written later")
                    .isFalse();
            assertThat(store().streamInfo(stream)).isEmpty();
        } else {
            assertThat(store().readStreamForwards(stream, 1, 10)).extracting(RecordedEvent::position)
                    .containsExactly(result.firstPosition(), result.lastPosition());
        }
    }
}
