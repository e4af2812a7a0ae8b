package dev.ordo.marketplace.platform.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ordo.core.event.EventData;
import dev.ordo.core.event.EventMetadata;
import dev.ordo.core.event.RecordedEvent;
import dev.ordo.core.event.StreamId;
import dev.ordo.core.store.ExpectedVersion;
import dev.ordo.core.store.InMemoryEventStore;
import dev.ordo.marketplace.platform.wiring.EventJson;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The orders and notifications feeds' messages, from stored JSON as the marketplace writes it. */
class LiveTopicsUnitTests {

    private static final JsonMapper WEB = JsonMapper.builder().build();
    private static final String CUSTOMER = "6f1c3e7a-2b1d-4c5e-9f00-000000000001";

    private final InMemoryEventStore store = new InMemoryEventStore();
    private final String orderId = UUID.randomUUID().toString();
    private final StreamId order = StreamId.of("order", orderId);

    @Test
    void givesEachOrderEventTheOrdersStatusRightAfterItWithItsCustomer() {
        append(order, "order.placed", "{\"orderId\":\"" + orderId + "\",\"customerId\":\"" + CUSTOMER + "\"}");
        append(order, "order.shipping-address-changed", "{\"orderId\":\"" + orderId + "\"}");
        append(order, "order.paid", "{\"orderId\":\"" + orderId + "\"}");
        append(order, "order.shipping-address-changed", "{\"orderId\":\"" + orderId + "\"}");
        append(order, "order.shipped", "{\"orderId\":\"" + orderId + "\"}");
        append(order, "order.delivered", "{\"orderId\":\"" + orderId + "\"}");

        List<JsonNode> updates = messages(new OrderUpdates(store, EventJson.mapper(), WEB, 10));

        assertThat(updates).extracting(u -> u.get("status").asString())
                .containsExactly("PENDING", "PENDING", "PAID", "PAID", "SHIPPED", "DELIVERED");
        assertThat(updates).extracting(u -> u.get("customerId").asString()).containsOnly(CUSTOMER);
        assertThat(updates).extracting(u -> u.get("version").asLong()).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
        JsonNode placed = updates.getFirst();
        assertThat(placed.get("orderId").asString()).isEqualTo(orderId);
        assertThat(placed.get("type").asString()).isEqualTo("order.placed");
        assertThat(placed.get("recordedAt").asString()).endsWith("Z");
        assertThat(placed.get("reason").isNull()).isTrue();
    }

    @Test
    void readsTheCustomerOfAnOrderItHasNotSeenPlacedFromItsStreamAndCarriesACancellationsReason() {
        append(order, "order.placed", "{\"orderId\":\"" + orderId + "\",\"customerId\":\"" + CUSTOMER + "\"}");
        append(order, "order.cancelled", "{\"orderId\":\"" + orderId + "\",\"reason\":\"zu spät – sorry\"}");
        OrderUpdates updates = new OrderUpdates(store, EventJson.mapper(), WEB, 10);

        RecordedEvent cancelled = store.readStreamForwards(order).getLast();
        LiveMessage message = updates.message(cancelled).orElseThrow();

        assertThat(message.customerId()).isEqualTo(CUSTOMER);
        assertThat(message.event()).isEqualTo("order");
        assertThat(message.position()).isEqualTo(cancelled.position());
        JsonNode data = WEB.readTree(message.data());
        assertThat(data.get("status").asString()).isEqualTo("CANCELLED");
        assertThat(data.get("reason").asString()).isEqualTo("zu spät – sorry");
    }

    @Test
    void skipsAnOrderEventTypeItDoesNotKnow() {
        append(order, "order.gift-wrapped", "{}");

        assertThat(new OrderUpdates(store, EventJson.mapper(), WEB, 10)
                .message(store.readStreamForwards(order).getFirst())).isEmpty();
    }

    @Test
    void givesANotificationItsFieldsForItsCustomer() {
        String notificationId = UUID.randomUUID().toString();
        StreamId stream = StreamId.of("notification", notificationId);
        append(stream, "notification.sent", "{\"notificationId\":\"" + notificationId + "\",\"customerId\":\""
                + CUSTOMER + "\",\"orderId\":\"" + orderId + "\",\"kind\":\"ORDER_CONFIRMED\",\"message\":\"Bon!\","
                + "\"sentAt\":\"2026-12-01T10:15:30.123Z\"}");

        LiveMessage message = new NotificationUpdates(EventJson.mapper(), WEB)
                .message(store.readStreamForwards(stream).getFirst()).orElseThrow();

        assertThat(message.event()).isEqualTo("notification");
        assertThat(message.customerId()).isEqualTo(CUSTOMER);
        JsonNode data = WEB.readTree(message.data());
        assertThat(data.get("notificationId").asString()).isEqualTo(notificationId);
        assertThat(data.get("orderId").asString()).isEqualTo(orderId);
        assertThat(data.get("kind").asString()).isEqualTo("ORDER_CONFIRMED");
        assertThat(data.get("message").asString()).isEqualTo("Bon!");
        assertThat(data.get("sentAt").asString()).isEqualTo("2026-12-01T10:15:30.123Z");
        assertThat(data.get("position").asLong()).isEqualTo(message.position());
    }

    private List<JsonNode> messages(LiveTopic topic) {
        return store.readStreamForwards(order).stream().map(event -> topic.message(event).orElseThrow())
                .map(message -> WEB.readTree(message.data())).toList();
    }

    private void append(StreamId stream, String type, String payload) {
        store.append(stream, ExpectedVersion.any(), List.of(EventData.of(type, 1, payload, EventMetadata.empty())));
    }
}
