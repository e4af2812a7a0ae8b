package dev.ordo.test.contract;

import static dev.ordo.test.contract.ContractEvents.raw;
import static dev.ordo.test.contract.ContractEvents.uniqueStream;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ordo.core.event.EventSerializationException;
import dev.ordo.core.event.RecordedEvent;
import dev.ordo.core.event.StreamId;
import dev.ordo.core.event.UnknownEventTypeException;
import dev.ordo.core.store.ExpectedVersion;
import dev.ordo.jackson.JacksonEventSerializer;
import dev.ordo.jackson.JsonUpcaster;
import dev.ordo.test.contract.ContractEvents.CheckedOut;
import dev.ordo.test.contract.ContractEvents.ItemAdded;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Events stored by older code load into today's classes; unknown or too-new events fail with a clear error. */
public interface UpcastingContract extends StoreUnderTest {

    JacksonEventSerializer UPCASTING = JacksonEventSerializer.builder(ContractEvents.REGISTRY)
            .upcaster(JsonUpcaster.of("cart.checked-out", 1, payload -> payload.put("channel", "unknown")))
            .upcaster(JsonUpcaster.of("basket.item-put", 1, payload -> {
                payload.set("quantity", payload.remove("qty"));
                return payload;
            }))
            .upcaster(JsonUpcaster.renaming("basket.item-put", 2, "cart.item-added", 1))
            .build();

    @Test
    default void anOldSchemaVersionIsUpcastIntoTheCurrentClassOnRead() {
        StreamId stream = uniqueStream("cart");
        store().append(stream, ExpectedVersion.noStream(), List.of(raw("cart.checked-out", 1, "{\"customer\":\"bob\"}")));

        RecordedEvent stored = store().readStreamForwards(stream, 1, 1).getFirst();

        assertThat(stored.schemaVersion()).isEqualTo(1);
        assertThat(UPCASTING.deserialize(stored)).isEqualTo(new CheckedOut("bob", "unknown"));
    }

    @Test
    default void upcastersChainAcrossVersionsAndRenamesKeepingDecimalsExact() {
        StreamId stream = uniqueStream("cart");
        store().append(stream, ExpectedVersion.noStream(), List.of(
                raw("basket.item-put", 1, "{\"sku\":\"tea\",\"qty\":3,\"unitPrice\":0.1000000000000000055511151231257827}")));

        Object event = UPCASTING.deserialize(store().readStreamForwards(stream, 1, 1).getFirst());

        assertThat(event).isEqualTo(new ItemAdded("tea", 3, new BigDecimal("0.1000000000000000055511151231257827")));
    }

    @Test
    default void theCurrentVersionIsReadWithoutUpcasting() {
        StreamId stream = uniqueStream("cart");
        ItemAdded added = new ItemAdded("tea", 2, new BigDecimal("12.30"));
        store().append(stream, ExpectedVersion.noStream(), List.of(UPCASTING.serialize(added, null)));

        assertThat(UPCASTING.deserialize(store().readStreamForwards(stream, 1, 1).getFirst())).isEqualTo(added);
    }

    @Test
    default void anUnknownStoredTypeFailsWithATypedError() {
        StreamId stream = uniqueStream("cart");
        store().append(stream, ExpectedVersion.noStream(), List.of(raw("cart.teleported", 1, "{}")));

        RecordedEvent stored = store().readStreamForwards(stream, 1, 1).getFirst();

        assertThatThrownBy(() -> UPCASTING.deserialize(stored))
                .isInstanceOf(UnknownEventTypeException.class)
                .hasMessageContaining("cart.teleported");
    }

    @Test
    default void anEventWrittenByNewerCodeIsRefusedRatherThanHalfRead() {
        StreamId stream = uniqueStream("cart");
        store().append(stream, ExpectedVersion.noStream(), List.of(raw("cart.checked-out", 3, "{\"customer\":\"x\"}")));

        RecordedEvent stored = store().readStreamForwards(stream, 1, 1).getFirst();

        assertThatThrownBy(() -> UPCASTING.deserialize(stored))
                .isInstanceOf(EventSerializationException.class)
                .hasMessageContaining("newer code");
    }
}
