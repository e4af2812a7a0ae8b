package dev.ordo.marketplace.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ordo.core.event.EventData;
import dev.ordo.core.event.EventMetadata;
import dev.ordo.core.event.EventTypeRegistry;
import dev.ordo.core.event.RecordedEvent;
import dev.ordo.core.event.StreamId;
import dev.ordo.jackson.JacksonEventSerializer;
import dev.ordo.marketplace.shared.Money;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ProductEventsUnitTests {

    private static final Map<Class<? extends ProductEvent>, String> STORED_NAMES = Map.of(
            ProductRegistered.class, "product.registered",
            PriceChanged.class, "product.price-changed",
            AvailabilityChanged.class, "product.availability-changed");

    private static final EventTypeRegistry REGISTRY =
            EventTypeRegistry.builder().registerSealed(ProductEvent.class).build();
    private static final JacksonEventSerializer SERIALIZER = JacksonEventSerializer.of(REGISTRY);

    static Stream<ProductEvent> oneEventOfEveryType() {
        RegisterProduct mug = DemoCatalog.products().get(9);
        Instant precise = Instant.parse("2025-02-01T08:00:00.000000001Z");
        return Stream.of(
                new ProductRegistered(mug.productId(), mug.producerId(), mug.producerName(), mug.name(),
                        mug.description(), mug.price(), mug.available(), mug.registeredAt()),
                new PriceChanged(mug.productId(), mug.price(), Money.of("19.99", "EUR"), precise),
                new AvailabilityChanged(mug.productId(), false, precise));
    }

    @Test
    void registersEveryEventUnderItsStableNameAtSchemaVersionOne() {
        assertThat(REGISTRY.names()).containsExactlyInAnyOrderElementsOf(STORED_NAMES.values());
        assertThat(ProductEvent.class.getPermittedSubclasses()).containsExactlyInAnyOrderElementsOf(STORED_NAMES.keySet());
        STORED_NAMES.forEach((type, name) -> {
            assertThat(REGISTRY.forClass(type).name()).isEqualTo(name);
            assertThat(REGISTRY.forClass(type).schemaVersion()).isEqualTo(1);
        });
    }

    @ParameterizedTest
    @MethodSource("oneEventOfEveryType")
    void survivesAJsonRoundTripExactly(ProductEvent event) {
        EventData data = SERIALIZER.serialize(event, EventMetadata.empty());
        RecordedEvent recorded = new RecordedEvent(data.eventId(), StreamId.of("product", event.productId()), 1, 1,
                data.eventType(), data.schemaVersion(), data.payload(), data.metadata(), Instant.EPOCH);

        assertThat(SERIALIZER.deserialize(recorded)).isEqualTo(event);
    }

    @Test
    void coversEveryEventTypeInTheRoundTripTest() {
        assertThat(oneEventOfEveryType().map(Object::getClass).toList())
                .containsExactlyInAnyOrderElementsOf(Arrays.asList(ProductEvent.class.getPermittedSubclasses()));
    }
}
