package dev.ordo.jackson;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The JSON settings Ordo uses for events and state unless the application brings its own mapper. */
public final class OrdoJson {

    private static final JsonMapper DEFAULT = builder().build();

    private OrdoJson() {
    }

    /**
     * A mapper builder with Ordo's defaults: unknown properties are ignored (so a field removed from an event class
     * does not break reading old events), and decimals read into trees stay exact {@code BigDecimal}s (so upcasting
     * a money amount never rounds it through a {@code double}).
     */
    public static JsonMapper.Builder builder() {
        return JsonMapper.builder()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    }

    /** A shared mapper with {@link #builder()}'s settings. Thread-safe. */
    public static JsonMapper mapper() {
        return DEFAULT;
    }
}
