package dev.ordo.jackson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ordo.core.event.EventData;
import dev.ordo.core.event.EventMetadata;
import dev.ordo.core.event.EventSerializationException;
import dev.ordo.core.event.EventType;
import dev.ordo.core.event.EventTypeRegistry;
import dev.ordo.core.event.RecordedEvent;
import dev.ordo.core.event.StreamId;
import dev.ordo.core.event.UnknownEventTypeException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class JacksonEventSerializerUnitTests {

    sealed interface ShopEvent permits OrderPlaced, OrderCancelled {
    }

    @EventType(value = "order.placed", version = 2)
    record OrderPlaced(String orderId, BigDecimal total, Instant placedAt, List<String> items) implements ShopEvent {
    }

    @EventType("order.cancelled")
    record OrderCancelled(String orderId, String reason) implements ShopEvent {
    }

    record NotRegistered(String value) {
    }

    record Exploding(String value) {
        @Override
        public String value() {
            throw new IllegalStateException("boom");
        }
    }

    private static final EventMetadata METADATA = EventMetadata.empty().withCorrelationId("req-9").with("tenant", "t1");
    private static final OrderPlaced PLACED = new OrderPlaced("o-1", new BigDecimal("1234567890.12345678901234"),
            Instant.parse("2025-02-03T04:05:06.123456789Z"), List.of("apple", "pear"));

    private final JacksonEventSerializer serializer = JacksonEventSerializer.of(EventTypeRegistry.builder()
            .registerSealed(ShopEvent.class)
            .register(Exploding.class, "test.exploding", 1)
            .build());

    static RecordedEvent recorded(UUID id, String type, int version, String payload) {
        return new RecordedEvent(id, StreamId.of("order-1"), 1, 1, type, version, payload, EventMetadata.empty(),
                Instant.parse("2025-01-01T00:00:00Z"));
    }

    static RecordedEvent recorded(String type, int version, String payload) {
        return recorded(UUID.randomUUID(), type, version, payload);
    }

    private static RecordedEvent recorded(EventData data) {
        return recorded(data.eventId(), data.eventType(), data.schemaVersion(), data.payload());
    }

    @Test
    void writesTheStoredNameVersionIdAndMetadata() {
        UUID id = UUID.randomUUID();

        EventData data = serializer.serialize(id, PLACED, METADATA);

        assertThat(data.eventId()).isEqualTo(id);
        assertThat(data.eventType()).isEqualTo("order.placed");
        assertThat(data.schemaVersion()).isEqualTo(2);
        assertThat(data.metadata()).isEqualTo(METADATA);
        assertThat(data.payload()).startsWith("{").contains("\"orderId\":\"o-1\"").doesNotContain("OrderPlaced");
    }

    @Test
    void givesAnEventANewTimeOrderedIdWhenNoneIsGiven() {
        EventData data = serializer.serialize(PLACED, METADATA);

        assertThat(data.eventId().version()).isEqualTo(7);
    }

    @Test
    void readsBackAnEventWithDecimalsInstantsAndLists() {
        EventData data = serializer.serialize(PLACED, METADATA);

        Object event = serializer.deserialize(recorded(data));

        assertThat(event).isEqualTo(PLACED);
        assertThat(((OrderPlaced) event).total()).hasToString("1234567890.12345678901234");
    }

    @Test
    void readsBackEveryRegisteredClass() {
        OrderCancelled cancelled = new OrderCancelled("o-1", "changed my mind");

        Object event = serializer.deserialize(recorded(serializer.serialize(cancelled, METADATA)));

        assertThat(event).isEqualTo(cancelled);
    }

    @Test
    void ignoresPropertiesTheClassNoLongerHas() {
        RecordedEvent stored = recorded("order.cancelled", 1, "{\"orderId\":\"o-1\",\"reason\":\"r\",\"removed\":42}");

        assertThat(serializer.deserialize(stored)).isEqualTo(new OrderCancelled("o-1", "r"));
    }

    @Test
    void wrapsTheEventWithItsRecordInAnEnvelope() {
        RecordedEvent stored = recorded(serializer.serialize(PLACED, METADATA));

        var envelope = serializer.envelope(stored, ShopEvent.class);

        assertThat(envelope.event()).isEqualTo(PLACED);
        assertThat(envelope.recorded()).isSameAs(stored);
    }

    @Test
    void refusesAnEnvelopeOfTheWrongType() {
        RecordedEvent stored = recorded(serializer.serialize(PLACED, METADATA));

        assertThatThrownBy(() -> serializer.envelope(stored, OrderCancelled.class))
                .isInstanceOf(EventSerializationException.class)
                .hasMessageContaining(stored.eventId().toString())
                .hasMessageContaining("not a " + OrderCancelled.class.getName());
    }

    @Test
    void refusesToWriteAnUnregisteredClass() {
        assertThatThrownBy(() -> serializer.serialize(new NotRegistered("x"), METADATA))
                .isInstanceOf(UnknownEventTypeException.class)
                .hasMessageContaining(NotRegistered.class.getName());
    }

    @Test
    void reportsAnEventThatCannotBeWrittenAsJson() {
        assertThatThrownBy(() -> serializer.serialize(new Exploding("x"), METADATA))
                .isInstanceOf(EventSerializationException.class)
                .isNotInstanceOf(UnknownEventTypeException.class)
                .hasMessageContaining("could not write event 'test.exploding' as JSON");
    }

    @Test
    void refusesToReadAnUnknownStoredType() {
        assertThatThrownBy(() -> serializer.deserialize(recorded("order.refunded", 1, "{}")))
                .isInstanceOf(UnknownEventTypeException.class)
                .hasMessageContaining("'order.refunded'");
    }

    @Test
    void reportsAPayloadThatDoesNotFitTheClassWithTheEventId() {
        UUID id = UUID.randomUUID();
        RecordedEvent stored = recorded(id, "order.placed", 2, "{\"orderId\":\"o-1\",\"total\":\"not a number\"}");

        assertThatThrownBy(() -> serializer.deserialize(stored))
                .isInstanceOf(EventSerializationException.class)
                .hasMessageContaining("could not read event " + id)
                .hasMessageContaining("'order.placed' v2")
                .hasMessageContaining("order-1");
    }

    @Test
    void reportsAPayloadThatIsNotJsonWithTheEventId() {
        UUID id = UUID.randomUUID();

        assertThatThrownBy(() -> serializer.deserialize(recorded(id, "order.cancelled", 1, "{\"orderId\":")))
                .isInstanceOf(EventSerializationException.class)
                .hasMessageContaining(id.toString());
    }

    @Test
    void refusesAPayloadWrittenByNewerCode() {
        UUID id = UUID.randomUUID();

        assertThatThrownBy(() -> serializer.deserialize(recorded(id, "order.placed", 3, "{}")))
                .isInstanceOf(EventSerializationException.class)
                .hasMessageContaining(id.toString())
                .hasMessageContaining("written by newer code (schema version 3, this code knows up to 2)");
    }

    @Test
    void refusesAnOldPayloadWithoutUpcaster() {
        assertThatThrownBy(() -> serializer.deserialize(recorded("order.placed", 1, "{}")))
                .isInstanceOf(EventSerializationException.class)
                .hasMessageContaining("schema version 1 and no upcaster leads from it to the current version 2");
    }

    @Test
    void exposesItsRegistry() {
        assertThat(serializer.registry().names()).contains("order.placed", "order.cancelled");
    }
}
