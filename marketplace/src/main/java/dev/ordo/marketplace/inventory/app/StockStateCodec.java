package dev.ordo.marketplace.inventory.app;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.ordo.core.snapshot.StateCodec;
import dev.ordo.jackson.JacksonStateCodec;
import dev.ordo.marketplace.inventory.Stock;
import tools.jackson.databind.json.JsonMapper;

/** Snapshots of the stock state as JSON, told apart by a {@code state} property. */
public final class StockStateCodec {

    /** The version of the state's JSON shape; bump it when a state record changes (2: settled ids, not released). */
    public static final int SCHEMA_VERSION = 2;

    private StockStateCodec() {
    }

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "state")
    @JsonSubTypes({
            @JsonSubTypes.Type(value = Stock.NoStock.class, name = "none"),
            @JsonSubTypes.Type(value = Stock.Stocked.class, name = "stocked")})
    abstract static class StockMixin {
    }

    /** A codec on top of the mapper the events are written with. */
    public static StateCodec<Stock> create(JsonMapper eventMapper) {
        return JacksonStateCodec.of(eventMapper.rebuild().addMixIn(Stock.class, StockMixin.class).build(), Stock.class,
                SCHEMA_VERSION);
    }
}
