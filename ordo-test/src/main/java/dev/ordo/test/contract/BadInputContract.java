package dev.ordo.test.contract;

import static dev.ordo.test.contract.ContractEvents.itemAdded;
import static dev.ordo.test.contract.ContractEvents.itemsAdded;
import static dev.ordo.test.contract.ContractEvents.uniqueStream;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ordo.core.event.EventData;
import dev.ordo.core.event.StreamId;
import dev.ordo.core.store.EventFilter;
import dev.ordo.core.store.EventReader;
import dev.ordo.core.store.ExpectedVersion;
import dev.ordo.core.store.InvalidAppendException;
import dev.ordo.core.store.ReadDirection;
import dev.ordo.core.store.StoreLimits;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Malformed requests get a typed error naming the broken rule, and write nothing. The store under test must use
 * {@link StoreLimits#defaults()}.
 */
public interface BadInputContract extends StoreUnderTest {

    @Test
    default void rejectsANullEventList() {
        assertRejected(uniqueStream("cart"), null, "needs a list of events");
    }

    @Test
    default void rejectsAnEmptyEventList() {
        assertRejected(uniqueStream("cart"), List.of(), "at least one event");
    }

    @Test
    default void rejectsANullEventInTheList() {
        List<EventData> events = new ArrayList<>(itemsAdded(2));
        events.add(null);
        assertRejected(uniqueStream("cart"), events, "event 2 of the append");
    }

    @Test
    default void rejectsTheSameEventIdTwiceInOneAppend() {
        EventData event = itemAdded("a", 1);
        assertRejected(uniqueStream("cart"), List.of(event, event), "appears twice");
    }

    @Test
    default void rejectsAPayloadOverTheSizeLimit() {
        String big = "x".repeat(StoreLimits.defaults().maxPayloadBytes());
        EventData event = ContractEvents.raw("cart.note", 1, "{\"text\":\"" + big + "\"}");
        assertRejected(uniqueStream("cart"), List.of(event), "over the limit of " + StoreLimits.defaults().maxPayloadBytes());
    }

    @Test
    default void countsThePayloadLimitInUtf8Bytes() {
        int limit = StoreLimits.defaults().maxPayloadBytes();
        String wide = "é".repeat(limit / 2);
        EventData event = ContractEvents.raw("cart.note", 1, "{\"t\":\"" + wide + "\"}");
        assertRejected(uniqueStream("cart"), List.of(event), "bytes, over the limit");
    }

    @Test
    default void rejectsMoreEventsThanTheLimitInOneAppend() {
        int max = StoreLimits.defaults().maxEventsPerAppend();
        EventData[] many = new EventData[max + 1];
        Arrays.setAll(many, i -> ContractEvents.raw("cart.note", 1, "{}"));
        assertRejected(uniqueStream("cart"), List.of(many), "at most " + max + " events");
    }

    @Test
    default void rejectsANullExpectedVersion() {
        long head = store().headPosition();
        assertThatThrownBy(() -> store().append(uniqueStream("cart"), null, itemsAdded(1)))
                .isInstanceOf(InvalidAppendException.class).hasMessageContaining("expected version");
        assertThat(store().headPosition()).isEqualTo(head);
    }

    @Test
    default void rejectsANullStream() {
        assertThatThrownBy(() -> store().append(null, ExpectedVersion.any(), itemsAdded(1)))
                .isInstanceOf(InvalidAppendException.class).hasMessageContaining("stream id");
    }

    @Test
    default void rejectsPageSizesOutsideTheLimits() {
        StreamId stream = uniqueStream("cart");
        assertThatThrownBy(() -> store().readStream(stream, ReadDirection.FORWARDS, 1, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("asked for 0");
        assertThatThrownBy(() -> store().readAll(1, EventReader.MAX_PAGE + 1, EventFilter.all()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store().readAll(-1, 10, EventFilter.all()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("fromPosition");
    }

    private void assertRejected(StreamId stream, List<EventData> events, String message) {
        long head = store().headPosition();
        assertThatThrownBy(() -> store().append(stream, ExpectedVersion.any(), events))
                .isInstanceOf(InvalidAppendException.class)
                .hasMessageContaining(message);
        assertThat(store().headPosition()).isEqualTo(head);
        assertThat(store().streamInfo(stream)).isEmpty();
    }
}
