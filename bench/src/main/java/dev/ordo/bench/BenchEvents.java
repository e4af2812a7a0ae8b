package dev.ordo.bench;

import dev.ordo.core.decider.Decider;
import dev.ordo.core.event.EventData;
import dev.ordo.core.event.EventMetadata;
import dev.ordo.core.event.EventType;
import dev.ordo.core.event.EventTypeRegistry;
import dev.ordo.jackson.JacksonEventSerializer;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/** The event the benchmarks write: about 100 bytes of JSON, with a correlation id, like a real order event. */
final class BenchEvents {

    private BenchEvents() {
    }

    sealed interface CartEvent {
    }

    @EventType("bench.item-added")
    record ItemAdded(String sku, int quantity, BigDecimal unitPrice, String note) implements CartEvent {
    }

    record AddItem(String sku) {
    }

    record Cart(long items, BigDecimal total) {
    }

    static final EventTypeRegistry REGISTRY = EventTypeRegistry.builder().registerSealed(CartEvent.class).build();
    static final JacksonEventSerializer SERIALIZER = JacksonEventSerializer.of(REGISTRY);
    private static final EventMetadata METADATA = EventMetadata.empty().withCorrelationId(UUID.randomUUID().toString());

    static final Decider<AddItem, Cart, CartEvent> DECIDER = Decider.of(
            () -> new Cart(0, BigDecimal.ZERO),
            (command, cart) -> List.of(new ItemAdded(command.sku(), 1, new BigDecimal("12.50"), "benchmark")),
            (cart, event) -> switch (event) {
                case ItemAdded added -> new Cart(cart.items() + added.quantity(),
                        cart.total().add(added.unitPrice().multiply(BigDecimal.valueOf(added.quantity()))));
            });

    /** A new serialized event (new id). */
    static EventData event(long n) {
        return SERIALIZER.serialize(new ItemAdded("sku-" + n, 3, new BigDecimal("12.50"), "benchmark payload padding"),
                METADATA);
    }
}
