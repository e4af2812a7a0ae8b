package dev.ordo.test.contract;

import static dev.ordo.test.contract.ContractEvents.itemsAdded;
import static dev.ordo.test.contract.ContractEvents.uniqueStream;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ordo.core.event.RecordedEvent;
import dev.ordo.core.event.StreamId;
import dev.ordo.core.store.AppendResult;
import dev.ordo.core.store.ExpectedVersion;
import dev.ordo.core.store.ReadDirection;
import dev.ordo.core.store.StreamDeletedException;
import dev.ordo.core.store.StreamStatus;
import dev.ordo.core.store.WrongExpectedVersionException;
import org.junit.jupiter.api.Test;

/** Soft delete, tombstones and truncation: stream reads change, the global log never does. */
public interface MaintenanceContract extends StoreUnderTest {

    @Test
    default void aSoftDeletedStreamReadsEmptyButStaysInTheGlobalLog() {
        StreamId stream = uniqueStream("cart");
        AppendResult written = store().append(stream, ExpectedVersion.noStream(), itemsAdded(3));

        store().softDelete(stream, ExpectedVersion.exact(3));

        assertThat(store().readStreamForwards(stream, 1, 10)).isEmpty();
        assertThat(store().readStream(stream, ReadDirection.BACKWARDS, Long.MAX_VALUE, 10)).isEmpty();
        assertThat(store().streamInfo(stream)).hasValueSatisfying(info -> {
            assertThat(info.status()).isEqualTo(StreamStatus.SOFT_DELETED);
            assertThat(info.version()).isEqualTo(3);
        });
        assertThat(store().readAll(written.firstPosition(), 3)).extracting(RecordedEvent::streamId).containsOnly(stream);
    }

    @Test
    default void appendingToASoftDeletedStreamRevivesItAndContinuesItsVersion() {
        StreamId stream = uniqueStream("cart");
        store().append(stream, ExpectedVersion.noStream(), itemsAdded(3));
        store().softDelete(stream, ExpectedVersion.any());

        AppendResult revived = store().append(stream, ExpectedVersion.noStream(), itemsAdded(2));

        assertThat(revived.streamVersion()).isEqualTo(5);
        assertThat(store().readStreamForwards(stream, 1, 10)).extracting(RecordedEvent::streamVersion).containsExactly(4L, 5L);
        assertThat(store().streamInfo(stream).orElseThrow().status()).isEqualTo(StreamStatus.ACTIVE);
    }

    @Test
    default void aSoftDeletedStreamDoesNotCountAsExisting() {
        StreamId stream = uniqueStream("cart");
        store().append(stream, ExpectedVersion.noStream(), itemsAdded(1));
        store().softDelete(stream, ExpectedVersion.exact(1));

        assertThatThrownBy(() -> store().append(stream, ExpectedVersion.streamExists(), itemsAdded(1)))
                .isInstanceOf(WrongExpectedVersionException.class);
        assertThat(store().append(stream, ExpectedVersion.exact(1), itemsAdded(1)).streamVersion()).isEqualTo(2);
    }

    @Test
    default void aTombstonedStreamCanNeitherBeReadNorWritten() {
        StreamId stream = uniqueStream("cart");
        store().append(stream, ExpectedVersion.noStream(), itemsAdded(2));
        long head = store().headPosition();

        store().tombstone(stream, ExpectedVersion.exact(2));

        assertThatThrownBy(() -> store().readStreamForwards(stream, 1, 10))
                .isInstanceOf(StreamDeletedException.class).hasMessageContaining(stream.value());
        assertThatThrownBy(() -> store().append(stream, ExpectedVersion.any(), itemsAdded(1)))
                .isInstanceOf(StreamDeletedException.class);
        assertThatThrownBy(() -> store().tombstone(stream, ExpectedVersion.any()))
                .isInstanceOf(StreamDeletedException.class);
        assertThat(store().streamInfo(stream).orElseThrow().status()).isEqualTo(StreamStatus.TOMBSTONED);
        assertThat(store().headPosition()).isEqualTo(head);
    }

    @Test
    default void aNeverWrittenStreamCanBeTombstonedToReserveItsName() {
        StreamId stream = uniqueStream("cart");

        store().tombstone(stream, ExpectedVersion.noStream());

        assertThatThrownBy(() -> store().append(stream, ExpectedVersion.noStream(), itemsAdded(1)))
                .isInstanceOf(StreamDeletedException.class);
    }

    @Test
    default void deletionChecksTheExpectedVersion() {
        StreamId stream = uniqueStream("cart");
        store().append(stream, ExpectedVersion.noStream(), itemsAdded(2));

        assertThatThrownBy(() -> store().softDelete(stream, ExpectedVersion.exact(1)))
                .isInstanceOfSatisfying(WrongExpectedVersionException.class, e -> assertThat(e.actualVersion()).isEqualTo(2));
        assertThatThrownBy(() -> store().tombstone(stream, ExpectedVersion.noStream()))
                .isInstanceOf(WrongExpectedVersionException.class);
        assertThat(store().readStreamForwards(stream, 1, 10)).hasSize(2);
    }

    @Test
    default void softDeletingANeverWrittenStreamChangesNothing() {
        StreamId stream = uniqueStream("cart");

        store().softDelete(stream, ExpectedVersion.any());

        assertThat(store().streamInfo(stream)).isEmpty();
        assertThat(store().append(stream, ExpectedVersion.noStream(), itemsAdded(1)).streamVersion()).isEqualTo(1);
    }

    @Test
    default void truncationHidesEarlierEventsFromStreamReadsOnly() {
        StreamId stream = uniqueStream("cart");
        AppendResult written = store().append(stream, ExpectedVersion.noStream(), itemsAdded(5));

        store().truncateBefore(stream, 4);

        assertThat(store().readStreamForwards(stream, 1, 10)).extracting(RecordedEvent::streamVersion).containsExactly(4L, 5L);
        assertThat(store().readStream(stream, ReadDirection.BACKWARDS, Long.MAX_VALUE, 10))
                .extracting(RecordedEvent::streamVersion).containsExactly(5L, 4L);
        assertThat(store().streamInfo(stream).orElseThrow().truncatedBefore()).isEqualTo(4);
        assertThat(store().readAll(written.firstPosition(), 5)).hasSize(5);
        assertThat(store().append(stream, ExpectedVersion.exact(5), itemsAdded(1)).streamVersion()).isEqualTo(6);
    }

    @Test
    default void truncationOnlyMovesForwards() {
        StreamId stream = uniqueStream("cart");
        store().append(stream, ExpectedVersion.noStream(), itemsAdded(5));

        store().truncateBefore(stream, 3);
        store().truncateBefore(stream, 2);

        assertThat(store().readStreamForwards(stream, 1, 10)).extracting(RecordedEvent::streamVersion)
                .containsExactly(3L, 4L, 5L);
        assertThatThrownBy(() -> store().truncateBefore(stream, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
