package dev.ordo.jackson;

import java.math.BigDecimal;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.NumberDeserializers;

/**
 * Reads a {@link BigDecimal} as Jackson does, and refuses one whose exponent is beyond
 * ±{@value #MAX_EXPONENT}: such a number is short to write ({@code 1e99999999}) but expanding it (a
 * {@code setScale}, a {@code toPlainString}) takes minutes or all the memory, and no amount or measure needs it.
 * Stateless.
 */
final class BoundedDecimalDeserializer extends NumberDeserializers.BigDecimalDeserializer {

    /** The largest exponent (in either direction) a decimal may have. */
    static final int MAX_EXPONENT = 1_000;

    @Override
    public BigDecimal deserialize(JsonParser parser, DeserializationContext context) throws JacksonException {
        BigDecimal value = super.deserialize(parser, context);
        if (value != null && Math.abs((long) value.scale()) > MAX_EXPONENT) {
            return (BigDecimal) context.handleWeirdNumberValue(BigDecimal.class, value,
                    "its exponent is beyond ±%d", MAX_EXPONENT);
        }
        return value;
    }
}
