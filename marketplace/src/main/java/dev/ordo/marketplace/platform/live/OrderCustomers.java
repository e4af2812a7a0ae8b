package dev.ordo.marketplace.platform.live;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.ordo.core.event.RecordedEvent;
import dev.ordo.core.event.StreamId;
import dev.ordo.core.store.EventReader;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who placed each order, for the feeds that show a customer their own: only {@code order.placed} names the customer,
 * so the customers of the most recent orders are remembered (a bounded cache) and an order not remembered has its
 * customer read from the first event of its stream. Thread-safe.
 */
final class OrderCustomers {

    static final String PLACED = "order.placed";

    private final EventReader reader;
    private final JsonMapper events;
    private final Cache<String, String> customers;

    /**
     * @param events           the mapper of stored events
     * @param rememberedOrders how many orders' customers are kept
     */
    OrderCustomers(EventReader reader, JsonMapper events, long rememberedOrders) {
        this.reader = reader;
        this.events = events;
        this.customers = Caffeine.newBuilder().maximumSize(rememberedOrders).build();
    }

    /** The customer of the order the event belongs to (a UUID); {@code null} when its placement cannot be read. */
    String of(RecordedEvent event) {
        String orderId = event.streamId().idPart();
        if (event.eventType().equals(PLACED)) {
            String customer = LiveTopic.text(events.readTree(event.payload()), "customerId");
            if (customer != null) {
                customers.put(orderId, customer);
            }
            return customer;
        }
        return customers.get(orderId, order -> placedBy(event.streamId()));
    }

    private String placedBy(StreamId order) {
        List<RecordedEvent> first = reader.readStreamForwards(order, 1, 1);
        return first.isEmpty() || !first.getFirst().eventType().equals(PLACED) ? null
                : LiveTopic.text(events.readTree(first.getFirst().payload()), "customerId");
    }
}
