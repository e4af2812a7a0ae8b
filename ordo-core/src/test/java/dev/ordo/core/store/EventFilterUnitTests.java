package dev.ordo.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ordo.core.event.EventMetadata;
import dev.ordo.core.event.RecordedEvent;
import dev.ordo.core.event.StreamId;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventFilterUnitTests {

    private static RecordedEvent event(String stream, String type) {
        return new RecordedEvent(UUID.randomUUID(), StreamId.of(stream), 1, 1, type, 1, "{}", EventMetadata.empty(),
                Instant.EPOCH);
    }

    @Test
    void letsEveryEventThroughWhenEmpty() {
        EventFilter all = EventFilter.all();

        assertThat(all.isAll()).isTrue();
        assertThat(all.matches(event("order-1", "order.placed"))).isTrue();
        assertThat(new EventFilter(null, null).isAll()).isTrue();
    }

    @Test
    void selectsByTheCategoryOfTheStream() {
        EventFilter orders = EventFilter.categories("order", "cart");

        assertThat(orders.isAll()).isFalse();
        assertThat(orders.matches(event("order-1", "order.placed"))).isTrue();
        assertThat(orders.matches(event("cart-7-x", "cart.opened"))).isTrue();
        assertThat(orders.matches(event("orders-1", "order.placed"))).isFalse();
        assertThat(orders.matches(event("customer-1", "order.placed"))).isFalse();
    }

    @Test
    void selectsByTheStoredType() {
        EventFilter placed = EventFilter.eventTypes("order.placed");

        assertThat(placed.matches(event("order-1", "order.placed"))).isTrue();
        assertThat(placed.matches(event("order-1", "order.paid"))).isFalse();
    }

    @Test
    void requiresBothCategoryAndTypeWhenBothAreGiven() {
        EventFilter filter = EventFilter.categories("order").andEventTypes("order.paid");

        assertThat(filter.matches(event("order-1", "order.paid"))).isTrue();
        assertThat(filter.matches(event("order-1", "order.placed"))).isFalse();
        assertThat(filter.matches(event("cart-1", "order.paid"))).isFalse();
    }
}
