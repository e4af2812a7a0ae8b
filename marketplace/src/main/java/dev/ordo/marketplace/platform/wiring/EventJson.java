package dev.ordo.marketplace.platform.wiring;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.ordo.jackson.OrdoJson;
import dev.ordo.marketplace.shared.CustomerId;
import dev.ordo.marketplace.shared.OrderId;
import dev.ordo.marketplace.shared.ProducerId;
import dev.ordo.marketplace.shared.ProductId;
import java.util.UUID;
import tools.jackson.databind.json.JsonMapper;

/**
 * How the marketplace's events and snapshots look as JSON: Ordo's defaults, with the id records written as bare
 * UUID strings ({@code "orderId":"7f3c..."}) so the stored history reads naturally. The domain stays free of
 * Jackson annotations: they are attached here as mix-ins.
 */
public final class EventJson {

    private EventJson() {
    }

    /** Writes an id record as its UUID and reads it back from one. */
    abstract static class UuidIdMixin {
        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        UuidIdMixin(UUID value) {
        }

        @JsonValue
        abstract UUID value();
    }

    /** A new mapper with Ordo's defaults and the marketplace's id mix-ins. */
    public static JsonMapper mapper() {
        return OrdoJson.builder()
                .addMixIn(OrderId.class, UuidIdMixin.class)
                .addMixIn(CustomerId.class, UuidIdMixin.class)
                .addMixIn(ProductId.class, UuidIdMixin.class)
                .addMixIn(ProducerId.class, UuidIdMixin.class)
                .build();
    }
}
