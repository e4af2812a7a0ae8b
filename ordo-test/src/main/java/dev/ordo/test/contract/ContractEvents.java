package dev.ordo.test.contract;

import dev.ordo.core.event.EventData;
import dev.ordo.core.event.EventMetadata;
import dev.ordo.core.event.EventType;
import dev.ordo.core.event.EventTypeRegistry;
import dev.ordo.core.event.StreamId;
import dev.ordo.jackson.JacksonEventSerializer;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

/** Events and helpers the contract suites write. */
public final class ContractEvents {

    private static final AtomicInteger STREAMS = new AtomicInteger();

    private ContractEvents() {
    }

    /** A small event hierarchy with stable names. */
    public sealed interface CartEvent {
    }

    @EventType("cart.item-added")
    public record ItemAdded(String sku, int quantity, BigDecimal unitPrice) implements CartEvent {
    }

    @EventType(value = "cart.checked-out", version = 2)
    public record CheckedOut(String customer, String channel) implements CartEvent {
    }

    /** The registry of {@link CartEvent}. */
    public static final EventTypeRegistry REGISTRY = EventTypeRegistry.builder().registerSealed(CartEvent.class).build();

    /** A serializer over {@link #REGISTRY} without upcasters. */
    public static final JacksonEventSerializer SERIALIZER = JacksonEventSerializer.of(REGISTRY);

    /** A stream id no other test uses, in the given category. */
    public static StreamId uniqueStream(String category) {
        return StreamId.of(category, STREAMS.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 8));
    }

    /** One serialized {@link ItemAdded} event. */
    public static EventData itemAdded(String sku, int quantity) {
        return SERIALIZER.serialize(new ItemAdded(sku, quantity, new BigDecimal("9.99")), EventMetadata.empty());
    }

    /** {@code n} serialized {@link ItemAdded} events, skus {@code sku-1} to {@code sku-n}. */
    public static List<EventData> itemsAdded(int n) {
        return IntStream.rangeClosed(1, n).mapToObj(i -> itemAdded("sku-" + i, i)).toList();
    }

    /** A raw event with the given stored type and payload. */
    public static EventData raw(String type, int schemaVersion, String payload) {
        return EventData.of(type, schemaVersion, payload, EventMetadata.empty());
    }
}
