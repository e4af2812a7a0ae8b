package dev.ordo.test.contract;

import static dev.ordo.test.contract.ContractEvents.itemsAdded;
import static dev.ordo.test.contract.ContractEvents.raw;
import static dev.ordo.test.contract.ContractEvents.uniqueStream;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ordo.core.event.RecordedEvent;
import dev.ordo.core.event.StreamId;
import dev.ordo.core.store.EventFilter;
import dev.ordo.core.store.ExpectedVersion;
import dev.ordo.core.store.ReadDirection;
import dev.ordo.core.store.StreamStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading one stream, the global log and its filters, stream state and the head position. */
public interface ReadContract extends StoreUnderTest {

    @Test
    default void readsAStreamForwardsFromAVersionWithALimit() {
        StreamId stream = uniqueStream("cart");
        store().append(stream, ExpectedVersion.noStream(), itemsAdded(10));

        List<RecordedEvent> page = store().readStream(stream, ReadDirection.FORWARDS, 4, 3);

        assertThat(page).extracting(RecordedEvent::streamVersion).containsExactly(4L, 5L, 6L);
        assertThat(page).allSatisfy(e -> assertThat(e.streamId()).isEqualTo(stream));
    }

    @Test
    default void readsAStreamBackwardsFromTheEnd() {
        StreamId stream = uniqueStream("cart");
        store().append(stream, ExpectedVersion.noStream(), itemsAdded(5));

        assertThat(store().readStream(stream, ReadDirection.BACKWARDS, Long.MAX_VALUE, 2))
                .extracting(RecordedEvent::streamVersion).containsExactly(5L, 4L);
        assertThat(store().readStream(stream, ReadDirection.BACKWARDS, 2, 10))
                .extracting(RecordedEvent::streamVersion).containsExactly(2L, 1L);
    }

    @Test
    default void readingPastTheEndOrAMissingStreamReturnsNothing() {
        StreamId stream = uniqueStream("cart");
        store().append(stream, ExpectedVersion.noStream(), itemsAdded(2));

        assertThat(store().readStreamForwards(stream, 3, 10)).isEmpty();
        assertThat(store().readStreamForwards(uniqueStream("cart"), 1, 10)).isEmpty();
        assertThat(store().streamInfo(uniqueStream("cart"))).isEmpty();
    }

    @Test
    default void keepsStreamsApartWhenTheyInterleave() {
        StreamId a = uniqueStream("cart");
        StreamId b = uniqueStream("cart");
        for (int i = 0; i < 3; i++) {
            store().append(a, ExpectedVersion.any(), itemsAdded(1));
            store().append(b, ExpectedVersion.any(), itemsAdded(2));
        }

        assertThat(store().readStreamForwards(a, 1, 100)).extracting(RecordedEvent::streamVersion).containsExactly(1L, 2L, 3L);
        assertThat(store().readStreamForwards(b, 1, 100)).hasSize(6);
    }

    @Test
    default void readsTheGlobalLogInPositionOrderFromAPosition() {
        long head = store().headPosition();
        StreamId a = uniqueStream("cart");
        StreamId b = uniqueStream("cart");
        store().append(a, ExpectedVersion.any(), itemsAdded(2));
        store().append(b, ExpectedVersion.any(), itemsAdded(2));
        store().append(a, ExpectedVersion.any(), itemsAdded(1));

        List<RecordedEvent> all = store().readAll(head + 1, 100);

        assertThat(all).extracting(RecordedEvent::position)
                .containsExactly(head + 1, head + 2, head + 3, head + 4, head + 5);
        assertThat(all).extracting(e -> e.streamId().value() + "@" + e.streamVersion()).containsExactly(
                a + "@1", a + "@2", b + "@1", b + "@2", a + "@3");
        assertThat(store().readAll(head + 4, 100)).extracting(RecordedEvent::position).containsExactly(head + 4, head + 5);
        assertThat(store().readAll(head + 2, 2)).extracting(RecordedEvent::position).containsExactly(head + 2, head + 3);
    }

    @Test
    default void filtersTheGlobalLogByCategory() {
        long head = store().headPosition();
        StreamId cart = uniqueStream("cart");
        StreamId order = uniqueStream("order");
        store().append(cart, ExpectedVersion.any(), itemsAdded(2));
        store().append(order, ExpectedVersion.any(), itemsAdded(3));
        store().append(StreamId.of("loose"), ExpectedVersion.any(), itemsAdded(1));

        assertThat(store().readAll(head + 1, 100, EventFilter.categories("order")))
                .extracting(RecordedEvent::streamId).containsOnly(order).hasSize(3);
        assertThat(store().readAll(head + 1, 100, EventFilter.categories("cart", "loose")))
                .extracting(RecordedEvent::streamId).containsOnly(cart, StreamId.of("loose")).hasSize(3);
        assertThat(store().readAll(head + 1, 2, EventFilter.categories("order")))
                .extracting(RecordedEvent::streamVersion).containsExactly(1L, 2L);
    }

    @Test
    default void filtersTheGlobalLogByEventTypeAndByBoth() {
        long head = store().headPosition();
        StreamId cart = uniqueStream("cart");
        StreamId order = uniqueStream("order");
        store().append(cart, ExpectedVersion.any(), List.of(raw("cart.opened", 1, "{}"), raw("cart.closed", 1, "{}")));
        store().append(order, ExpectedVersion.any(), List.of(raw("cart.opened", 1, "{}"), raw("order.placed", 1, "{}")));

        assertThat(store().readAll(head + 1, 100, EventFilter.eventTypes("cart.opened")))
                .extracting(e -> e.streamId().value()).containsExactly(cart.value(), order.value());
        assertThat(store().readAll(head + 1, 100, EventFilter.eventTypes("cart.closed", "order.placed")))
                .extracting(RecordedEvent::eventType).containsExactly("cart.closed", "order.placed");
        assertThat(store().readAll(head + 1, 100, EventFilter.categories("order").andEventTypes("cart.opened")))
                .singleElement().satisfies(e -> assertThat(e.streamId()).isEqualTo(order));
    }

    @Test
    default void reportsAStreamsVersionAndStatus() {
        StreamId stream = uniqueStream("cart");
        store().append(stream, ExpectedVersion.noStream(), itemsAdded(4));

        assertThat(store().streamInfo(stream)).hasValueSatisfying(info -> {
            assertThat(info.streamId()).isEqualTo(stream);
            assertThat(info.version()).isEqualTo(4);
            assertThat(info.status()).isEqualTo(StreamStatus.ACTIVE);
            assertThat(info.truncatedBefore()).isEqualTo(1);
        });
    }

    @Test
    default void theHeadPositionIsTheLastCommittedPosition() {
        var result = store().append(uniqueStream("cart"), ExpectedVersion.any(), itemsAdded(3));

        assertThat(store().headPosition()).isEqualTo(result.lastPosition());
        assertThat(store().readAll(result.lastPosition() + 1, 10)).isEmpty();
    }
}
