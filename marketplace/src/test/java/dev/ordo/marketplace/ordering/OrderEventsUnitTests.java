package dev.ordo.marketplace.ordering;

import static dev.ordo.marketplace.ordering.OrderSamples.BREAD;
import static dev.ordo.marketplace.ordering.OrderSamples.CANCELLED;
import static dev.ordo.marketplace.ordering.OrderSamples.CUSTOMER;
import static dev.ordo.marketplace.ordering.OrderSamples.DELIVERED;
import static dev.ordo.marketplace.ordering.OrderSamples.HONEY;
import static dev.ordo.marketplace.ordering.OrderSamples.LATER;
import static dev.ordo.marketplace.ordering.OrderSamples.ORDER;
import static dev.ordo.marketplace.ordering.OrderSamples.PAID;
import static dev.ordo.marketplace.ordering.OrderSamples.SHIPPED;
import static dev.ordo.marketplace.ordering.OrderSamples.eur;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ordo.core.event.EventData;
import dev.ordo.core.event.EventMetadata;
import dev.ordo.core.event.EventTypeRegistry;
import dev.ordo.core.event.RecordedEvent;
import dev.ordo.core.event.StreamId;
import dev.ordo.jackson.JacksonEventSerializer;
import dev.ordo.marketplace.shared.Address;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class OrderEventsUnitTests {

    private static final Map<Class<? extends OrderEvent>, String> STORED_NAMES = Map.of(
            OrderPlaced.class, "order.placed",
            ItemAdded.class, "order.item-added",
            ItemRemoved.class, "order.item-removed",
            ShippingAddressChanged.class, "order.shipping-address-changed",
            OrderPaid.class, "order.paid",
            OrderShipped.class, "order.shipped",
            OrderDelivered.class, "order.delivered",
            OrderCancelled.class, "order.cancelled");

    private static final EventTypeRegistry REGISTRY = EventTypeRegistry.builder().registerSealed(OrderEvent.class).build();
    private static final JacksonEventSerializer SERIALIZER = JacksonEventSerializer.of(REGISTRY);

    /** One event of every type, with values that are easy to lose: decimals, nanoseconds, non-ASCII text. */
    static Stream<OrderEvent> oneEventOfEveryType() {
        Instant precise = Instant.parse("2025-03-01T10:05:00.123456789Z");
        List<OrderLine> lines = List.of(new OrderLine(BREAD, "Brot \"Roggen\" – 1 kg", 3, eur("0.10")),
                new OrderLine(HONEY, "Blütenhonig 🍯", 1, eur("1234567.89")));
        return Stream.of(
                new OrderPlaced(ORDER, CUSTOMER, lines, new Address("Straße 1", "Köln", "50667", "DE"),
                        eur("1234568.19"), precise),
                new ItemAdded(ORDER, HONEY, "Blütenhonig 🍯", 2, eur("7.80"), 3, eur("15.60"), precise),
                new ItemRemoved(ORDER, BREAD, 1, 0, eur("0.00"), precise),
                new ShippingAddressChanged(ORDER, OrderSamples.OFFICE, LATER),
                PAID, SHIPPED, DELIVERED, CANCELLED);
    }

    @Test
    void registersEveryEventUnderItsStableNameAtSchemaVersionOne() {
        assertThat(REGISTRY.names()).containsExactlyInAnyOrderElementsOf(STORED_NAMES.values());
        STORED_NAMES.forEach((type, name) -> {
            assertThat(REGISTRY.forClass(type).name()).isEqualTo(name);
            assertThat(REGISTRY.forClass(type).schemaVersion()).isEqualTo(1);
            assertThat(REGISTRY.forName(name).type()).isEqualTo(type);
        });
    }

    @Test
    void givesEveryPermittedEventClassItsOwnName() {
        assertThat(OrderEvent.class.getPermittedSubclasses()).containsExactlyInAnyOrderElementsOf(STORED_NAMES.keySet());
        assertThat(STORED_NAMES.values()).doesNotHaveDuplicates();
    }

    @ParameterizedTest
    @MethodSource("oneEventOfEveryType")
    void survivesAJsonRoundTripExactly(OrderEvent event) {
        EventData data = SERIALIZER.serialize(event, EventMetadata.empty());
        RecordedEvent recorded = new RecordedEvent(data.eventId(), StreamId.of("order", ORDER), 1, 1,
                data.eventType(), data.schemaVersion(), data.payload(), data.metadata(), Instant.EPOCH);

        assertThat(SERIALIZER.deserialize(recorded)).isEqualTo(event);
        assertThat(data.eventType()).isEqualTo(STORED_NAMES.get(event.getClass()));
        assertThat(data.payload()).doesNotContain(event.getClass().getSimpleName());
    }

    @Test
    void coversEveryEventTypeInTheRoundTripTest() {
        assertThat(oneEventOfEveryType().map(Object::getClass).distinct().toList())
                .containsExactlyInAnyOrderElementsOf(Arrays.asList(OrderEvent.class.getPermittedSubclasses()));
    }

    @Test
    void writesMoneyAsAnExactDecimalWithItsCurrencyCodeAndTimeAsAnInstant() {
        String payload = SERIALIZER.serialize(PAID, EventMetadata.empty()).payload();

        assertThat(payload).contains("\"amount\":{\"amount\":23.40,\"currency\":\"EUR\"}")
                .contains("\"method\":\"CARD\"")
                .contains("\"orderId\":{\"value\":\"" + ORDER + "\"}")
                .contains("\"paidAt\":\"2025-03-01T10:10:00Z\"");
    }

    @Test
    void writesOnlyRecordComponentsAndNoDerivedValues() {
        String payload = SERIALIZER.serialize(OrderSamples.PLACED, EventMetadata.empty()).payload();

        assertThat(payload).contains("\"lines\":[{\"productId\":").contains("\"postalCode\":\"10115\"")
                .doesNotContain("subtotal").doesNotContain("missingFields").doesNotContain("signum");
    }
}
