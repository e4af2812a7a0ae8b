package dev.ordo.marketplace.ordering.app;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.ordo.core.snapshot.StateCodec;
import dev.ordo.jackson.JacksonStateCodec;
import dev.ordo.marketplace.ordering.Order;
import tools.jackson.databind.json.JsonMapper;

/**
 * Snapshots of the order state as JSON: the sealed state records, told apart by a {@code state} property. Bump
 * {@link #SCHEMA_VERSION} whenever a state record changes shape; old snapshots are then ignored and rebuilt.
 */
public final class OrderStateCodec {

    /** The version of the state's JSON shape. */
    public static final int SCHEMA_VERSION = 1;

    private OrderStateCodec() {
    }

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "state")
    @JsonSubTypes({
            @JsonSubTypes.Type(value = Order.NoOrder.class, name = "none"),
            @JsonSubTypes.Type(value = Order.Pending.class, name = "pending"),
            @JsonSubTypes.Type(value = Order.Paid.class, name = "paid"),
            @JsonSubTypes.Type(value = Order.Shipped.class, name = "shipped"),
            @JsonSubTypes.Type(value = Order.Delivered.class, name = "delivered"),
            @JsonSubTypes.Type(value = Order.Cancelled.class, name = "cancelled")})
    abstract static class OrderMixin {
    }

    /** A codec on top of the mapper the events are written with. */
    public static StateCodec<Order> create(JsonMapper eventMapper) {
        return JacksonStateCodec.of(eventMapper.rebuild().addMixIn(Order.class, OrderMixin.class).build(), Order.class,
                SCHEMA_VERSION);
    }
}
