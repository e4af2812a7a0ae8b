package dev.ordo.jackson;

import static dev.ordo.jackson.JacksonEventSerializerUnitTests.recorded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ordo.core.event.EventSerializationException;
import dev.ordo.core.event.EventType;
import dev.ordo.core.event.EventTypeRegistry;
import java.math.BigDecimal;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

class JacksonUpcastingUnitTests {

    @EventType(value = "item.added", version = 3)
    record ItemAdded(String sku, int quantity, BigDecimal price) {
    }

    private static final EventTypeRegistry REGISTRY = EventTypeRegistry.builder().registerAnnotated(ItemAdded.class)
            .build();

    /** v1 {@code productCode} became {@code sku} in v2. */
    private static final JsonUpcaster V1_TO_V2 = JsonUpcaster.of("item.added", 1, payload -> {
        payload.set("sku", payload.remove("productCode"));
        return payload;
    });

    /** v2 {@code qty} became {@code quantity} in v3, and every item got a price. */
    private static final JsonUpcaster V2_TO_V3 = JsonUpcaster.of("item.added", 2, payload -> {
        payload.set("quantity", payload.remove("qty"));
        if (!payload.has("price")) {
            payload.put("price", new BigDecimal("0.00"));
        }
        return payload;
    });

    private static JacksonEventSerializer serializer(JsonUpcaster... upcasters) {
        JacksonEventSerializer.Builder builder = JacksonEventSerializer.builder(REGISTRY);
        for (JsonUpcaster upcaster : upcasters) {
            builder.upcaster(upcaster);
        }
        return builder.build();
    }

    @Test
    void upcastsAnOldPayloadThroughTheWholeChain() {
        JacksonEventSerializer serializer = serializer(V1_TO_V2, V2_TO_V3);

        Object event = serializer.deserialize(recorded("item.added", 1, "{\"productCode\":\"A1\",\"qty\":2}"));

        assertThat(event).isEqualTo(new ItemAdded("A1", 2, new BigDecimal("0.00")));
    }

    @Test
    void startsTheChainAtTheStoredVersion() {
        JacksonEventSerializer serializer = serializer(V1_TO_V2, V2_TO_V3);

        Object event = serializer.deserialize(recorded("item.added", 2, "{\"sku\":\"B2\",\"qty\":5,\"price\":1.50}"));

        assertThat(event).isEqualTo(new ItemAdded("B2", 5, new BigDecimal("1.50")));
    }

    @Test
    void readsACurrentPayloadWithoutUpcasting() {
        JacksonEventSerializer serializer = serializer(V1_TO_V2, V2_TO_V3);

        Object event = serializer.deserialize(recorded("item.added", 3, "{\"sku\":\"C3\",\"quantity\":1,\"price\":9}"));

        assertThat(event).isEqualTo(new ItemAdded("C3", 1, new BigDecimal("9")));
    }

    @Test
    void keepsDecimalsExactWhileUpcasting() {
        JacksonEventSerializer serializer = serializer(V1_TO_V2, V2_TO_V3);
        String price = "12345678901234567890.123456789012345";

        Object event = serializer.deserialize(recorded("item.added", 1,
                "{\"productCode\":\"A1\",\"qty\":2,\"price\":" + price + "}"));

        assertThat(((ItemAdded) event).price()).isEqualTo(new BigDecimal(price));
    }

    @Test
    void followsARenamedTypeIntoTheChainOfItsNewName() {
        JacksonEventSerializer serializer = serializer(JsonUpcaster.renaming("cart.item-added", 1, "item.added", 2),
                V1_TO_V2, V2_TO_V3);

        Object event = serializer.deserialize(recorded("cart.item-added", 1, "{\"sku\":\"D4\",\"qty\":3}"));

        assertThat(event).isEqualTo(new ItemAdded("D4", 3, new BigDecimal("0.00")));
    }

    @Test
    void refusesAChainThatStopsBeforeTheCurrentVersion() {
        JacksonEventSerializer serializer = serializer(V1_TO_V2);

        assertThatThrownBy(() -> serializer.deserialize(recorded("item.added", 1, "{\"productCode\":\"A1\"}")))
                .isInstanceOf(EventSerializationException.class)
                .hasMessageContaining("schema version 2 and no upcaster leads from it to the current version 3");
    }

    @Test
    void refusesTwoUpcastersForTheSameTypeAndVersion() {
        JacksonEventSerializer.Builder builder = JacksonEventSerializer.builder(REGISTRY).upcaster(V1_TO_V2);
        JsonUpcaster another = JsonUpcaster.of("item.added", 1, payload -> payload);

        assertThatThrownBy(() -> builder.upcaster(another))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("two upcasters read 'item.added' version 1");
    }

    @Test
    void detectsUpcastersThatFormACycle() {
        JacksonEventSerializer serializer = serializer(JsonUpcaster.renaming("item.a", 1, "item.b", 1),
                JsonUpcaster.renaming("item.b", 1, "item.a", 1));
        UUID id = UUID.randomUUID();

        assertThatThrownBy(() -> serializer.deserialize(recorded(id, "item.a", 1, "{}")))
                .isInstanceOf(EventSerializationException.class)
                .hasMessageContaining(id.toString())
                .hasMessageContaining("cycle")
                .hasMessageContaining("item.a@1")
                .hasMessageContaining("item.b@1");
    }

    @Test
    void refusesToUpcastAPayloadThatIsNotAJsonObject() {
        JacksonEventSerializer serializer = serializer(V1_TO_V2, V2_TO_V3);
        UUID id = UUID.randomUUID();

        assertThatThrownBy(() -> serializer.deserialize(recorded(id, "item.added", 1, "[1,2]")))
                .isInstanceOf(EventSerializationException.class)
                .hasMessage("payload of event " + id + " is not a JSON object");
    }

    @Test
    void reportsAnUpcastPayloadThatDoesNotFitTheClassWithTheEventId() {
        JacksonEventSerializer serializer = serializer(V1_TO_V2, V2_TO_V3);
        UUID id = UUID.randomUUID();

        assertThatThrownBy(() -> serializer.deserialize(recorded(id, "item.added", 1,
                "{\"productCode\":\"A1\",\"qty\":\"many\"}")))
                .isInstanceOf(EventSerializationException.class)
                .hasMessageContaining("could not read event " + id)
                .hasMessageContaining("'item.added' v1");
    }

    @Test
    void reportsMalformedJsonOnTheUpcastPathWithTheEventId() {
        JacksonEventSerializer serializer = serializer(V1_TO_V2, V2_TO_V3);
        UUID id = UUID.randomUUID();

        assertThatThrownBy(() -> serializer.deserialize(recorded(id, "item.added", 1, "{\"productCode\":")))
                .isInstanceOf(EventSerializationException.class)
                .hasMessageContaining("could not read event " + id);
    }

    @Test
    void buildsASameTypeUpcasterToTheNextVersion() {
        ObjectNode payload = OrdoJson.mapper().createObjectNode().put("productCode", "A1");

        UpcastEvent result = V1_TO_V2.upcast(payload);

        assertThat(result.eventType()).isEqualTo("item.added");
        assertThat(result.schemaVersion()).isEqualTo(2);
        assertThat(result.payload().get("sku").asString()).isEqualTo("A1");
    }
}
