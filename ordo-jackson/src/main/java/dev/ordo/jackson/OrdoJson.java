package dev.ordo.jackson;

import java.math.BigDecimal;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/** The JSON settings Ordo uses for events and state unless the application brings its own mapper. */
public final class OrdoJson {

    private static final JsonMapper DEFAULT = builder().build();

    private OrdoJson() {
    }

    /**
     * A mapper builder with Ordo's defaults: unknown properties are ignored (so a field removed from an event class
     * does not break reading old events), decimals read into trees stay exact {@code BigDecimal}s (so upcasting
     * a money amount never rounds it through a {@code double}), and a {@code BigDecimal} whose exponent is beyond
     * ±1,000 (such as {@code 1e99999999}) is refused as malformed, before a constructor could spend minutes or all
     * the memory expanding it.
     */
    public static JsonMapper.Builder builder() {
        return JsonMapper.builder()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .addModule(new SimpleModule("ordo-bounded-decimals")
                        .addDeserializer(BigDecimal.class, new BoundedDecimalDeserializer()));
    }

    /** A shared mapper with {@link #builder()}'s settings. Thread-safe. */
    public static JsonMapper mapper() {
        return DEFAULT;
    }
}
