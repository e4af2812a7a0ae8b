package dev.ordo.marketplace.catalog.app;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.ordo.core.snapshot.StateCodec;
import dev.ordo.jackson.JacksonStateCodec;
import dev.ordo.marketplace.catalog.Product;
import tools.jackson.databind.json.JsonMapper;

/** Snapshots of the product state as JSON, told apart by a {@code state} property. */
public final class ProductStateCodec {

    /** The version of the state's JSON shape. */
    public static final int SCHEMA_VERSION = 1;

    private ProductStateCodec() {
    }

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "state")
    @JsonSubTypes({
            @JsonSubTypes.Type(value = Product.Unregistered.class, name = "unregistered"),
            @JsonSubTypes.Type(value = Product.Registered.class, name = "registered")})
    abstract static class ProductMixin {
    }

    /** A codec on top of the mapper the events are written with. */
    public static StateCodec<Product> create(JsonMapper eventMapper) {
        return JacksonStateCodec.of(eventMapper.rebuild().addMixIn(Product.class, ProductMixin.class).build(),
                Product.class, SCHEMA_VERSION);
    }
}
