package dev.ordo.test.contract;

import static dev.ordo.test.contract.ContractEvents.itemAdded;
import static dev.ordo.test.contract.ContractEvents.itemsAdded;
import static dev.ordo.test.contract.ContractEvents.uniqueStream;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ordo.core.event.EventData;
import dev.ordo.core.event.RecordedEvent;
import dev.ordo.core.event.StreamId;
import dev.ordo.core.store.AppendResult;
import dev.ordo.core.store.DuplicateEventIdException;
import dev.ordo.core.store.ExpectedVersion;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Re-appending stored event ids: an exact retry (same ids, same stream, same order, same types, schema versions and
 * payloads) is a no-op with the original result; anything else is refused and writes nothing.
 */
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

    @Test
    default void refusesARetryWhoseEventHasAnotherPayload() {
        StreamId stream = uniqueStream("cart");
        List<EventData> events = itemsAdded(2);
        store().append(stream, ExpectedVersion.noStream(), events);
        EventData changed = withContent(events.get(1), events.get(1).eventType(), events.get(1).schemaVersion(),
                "{\"sku\":\"other\",\"quantity\":7,\"unitPrice\":1.00}");
        long head = store().headPosition();

        assertThatThrownBy(() -> store().append(stream, ExpectedVersion.noStream(), List.of(events.get(0), changed)))
                .isInstanceOf(DuplicateEventIdException.class)
                .hasMessageContaining(changed.eventId().toString())
                .hasMessageContaining("payload");
        assertThat(store().headPosition()).isEqualTo(head);
        assertThat(store().readStreamForwards(stream, 1, 10)).extracting(e -> JsonAssert.parse(e.payload()))
                .containsExactly(JsonAssert.parse(events.get(0).payload()), JsonAssert.parse(events.get(1).payload()));
    }

    @Test
    default void refusesARetryWhoseEventHasAnotherType() {
        StreamId stream = uniqueStream("cart");
        EventData original = itemAdded("sku-1", 1);
        store().append(stream, ExpectedVersion.noStream(), List.of(original));
        EventData changed = withContent(original, "cart.item-removed", original.schemaVersion(), original.payload());

        assertThatThrownBy(() -> store().append(stream, ExpectedVersion.noStream(), List.of(changed)))
                .isInstanceOf(DuplicateEventIdException.class)
                .hasMessageContaining(original.eventId().toString())
                .hasMessageContaining("cart.item-added")
                .hasMessageContaining("cart.item-removed");
        assertThat(store().readStreamForwards(stream, 1, 10)).extracting(RecordedEvent::eventType)
                .containsExactly("cart.item-added");
    }

    @Test
    default void refusesARetryWhoseEventHasAnotherSchemaVersion() {
        StreamId stream = uniqueStream("cart");
        EventData original = itemAdded("sku-1", 1);
        store().append(stream, ExpectedVersion.noStream(), List.of(original));
        EventData changed = withContent(original, original.eventType(), original.schemaVersion() + 1,
                original.payload());

        assertThatThrownBy(() -> store().append(stream, ExpectedVersion.any(), List.of(changed)))
                .isInstanceOf(DuplicateEventIdException.class)
                .hasMessageContaining(original.eventId().toString())
                .hasMessageContaining("schema version");
        assertThat(store().readStreamForwards(stream, 1, 10)).extracting(RecordedEvent::schemaVersion)
                .containsExactly(original.schemaVersion());
    }

    private static EventData withContent(EventData event, String type, int schemaVersion, String payload) {
        return new EventData(event.eventId(), type, schemaVersion, payload, event.metadata());
    }
}
