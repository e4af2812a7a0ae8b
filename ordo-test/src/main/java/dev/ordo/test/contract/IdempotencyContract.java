package dev.ordo.test.contract;

import static dev.ordo.test.contract.ContractEvents.itemAdded;
import static dev.ordo.test.contract.ContractEvents.itemsAdded;
import static dev.ordo.test.contract.ContractEvents.uniqueStream;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ordo.core.event.EventData;
import dev.ordo.core.event.StreamId;
import dev.ordo.core.store.AppendResult;
import dev.ordo.core.store.DuplicateEventIdException;
import dev.ordo.core.store.ExpectedVersion;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Re-appending stored event ids: an exact retry is a no-op with the original result, anything else is refused. */
public interface IdempotencyContract extends StoreUnderTest {

    @Test
    default void retryingAnAppendWithTheSameEventIdsReturnsTheOriginalResultAndWritesNothing() {
        StreamId stream = uniqueStream("cart");
        List<EventData> events = itemsAdded(3);
        AppendResult original = store().append(stream, ExpectedVersion.noStream(), events);
        long head = store().headPosition();

        AppendResult retry = store().append(stream, ExpectedVersion.noStream(), events);

        assertThat(retry).isEqualTo(original);
        assertThat(store().headPosition()).isEqualTo(head);
        assertThat(store().readStreamForwards(stream, 1, 100)).hasSize(3);
    }

    @Test
    default void retryingWithTheOriginalExactVersionIsIdempotentEvenAfterLaterAppends() {
        StreamId stream = uniqueStream("cart");
        store().append(stream, ExpectedVersion.noStream(), itemsAdded(1));
        List<EventData> second = itemsAdded(2);
        AppendResult original = store().append(stream, ExpectedVersion.exact(1), second);
        store().append(stream, ExpectedVersion.exact(3), itemsAdded(1));

        AppendResult retry = store().append(stream, ExpectedVersion.exact(1), second);

        assertThat(retry).isEqualTo(original);
        assertThat(store().streamInfo(stream).orElseThrow().version()).isEqualTo(4);
    }

    @Test
    default void retryingWithAnyVersionIsIdempotent() {
        StreamId stream = uniqueStream("cart");
        List<EventData> events = itemsAdded(2);
        AppendResult original = store().append(stream, ExpectedVersion.any(), events);

        assertThat(store().append(stream, ExpectedVersion.any(), events)).isEqualTo(original);
    }

    @Test
    default void refusesStoredIdsMixedWithNewEvents() {
        StreamId stream = uniqueStream("cart");
        List<EventData> events = itemsAdded(2);
        store().append(stream, ExpectedVersion.noStream(), events);
        List<EventData> mixed = new ArrayList<>(events);
        mixed.add(itemAdded("new", 1));
        long head = store().headPosition();

        assertThatThrownBy(() -> store().append(stream, ExpectedVersion.any(), mixed))
                .isInstanceOfSatisfying(DuplicateEventIdException.class,
                        e -> assertThat(e.duplicateIds()).containsExactly(events.get(0).eventId(), events.get(1).eventId()));
        assertThat(store().headPosition()).isEqualTo(head);
    }

    @Test
    default void refusesStoredIdsAppendedToAnotherStream() {
        List<EventData> events = itemsAdded(1);
        store().append(uniqueStream("cart"), ExpectedVersion.noStream(), events);

        assertThatThrownBy(() -> store().append(uniqueStream("cart"), ExpectedVersion.noStream(), events))
                .isInstanceOf(DuplicateEventIdException.class)
                .hasMessageContaining("is stored in stream");
    }

    @Test
    default void refusesStoredIdsInAnotherOrder() {
        StreamId stream = uniqueStream("cart");
        List<EventData> events = itemsAdded(2);
        store().append(stream, ExpectedVersion.noStream(), events);

        assertThatThrownBy(() -> store().append(stream, ExpectedVersion.any(), List.of(events.get(1), events.get(0))))
                .isInstanceOf(DuplicateEventIdException.class);
    }

    @Test
    default void refusesARetryWithAnotherExactExpectedVersion() {
        StreamId stream = uniqueStream("cart");
        store().append(stream, ExpectedVersion.noStream(), itemsAdded(1));
        List<EventData> events = itemsAdded(1);
        store().append(stream, ExpectedVersion.exact(1), events);

        assertThatThrownBy(() -> store().append(stream, ExpectedVersion.exact(0), events))
                .isInstanceOf(DuplicateEventIdException.class)
                .hasMessageContaining("after version 1");
    }
}
