package dev.ordo.marketplace.platform.web;

import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * The rule for text a client sends: it must be storable as it was sent, so no NUL character (PostgreSQL refuses it in
 * JSON and text, and its refusal looked like an outage) and no unpaired surrogate (not a character at all, and not
 * valid UTF-8). Request bodies are checked as they are read ({@link #module()}), query parameters before the handler
 * runs ({@link #check(Map)}); either way the request is refused with a 400 naming the field.
 */
public final class StorableText {

    /** Why a text was refused. */
    public static final String RULE = "holds a NUL character or an unpaired surrogate, which cannot be stored";

    /** A parameter whose text breaks the rule. */
    public static final class InvalidTextException extends RuntimeException {

        private final String field;

        public InvalidTextException(String field) {
            super(field + " " + RULE);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }

    private StorableText() {
    }

    /** True when the text has no NUL character and every surrogate is half of a pair. */
    public static boolean isStorable(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\0' || Character.isLowSurrogate(c)) {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
            }
        }
        return true;
    }

    /**
     * Checks the values of query parameters.
     *
     * @throws InvalidTextException naming the first parameter that breaks the rule
     */
    static void check(Map<String, String[]> parameters) {
        for (Map.Entry<String, String[]> parameter : parameters.entrySet()) {
            if (!isStorable(parameter.getKey())) {
                throw new InvalidTextException("a parameter name");
            }
            for (String value : parameter.getValue()) {
                // a form body's key without a value has none
                if (value != null && !isStorable(value)) {
                    throw new InvalidTextException(parameter.getKey());
                }
            }
        }
    }

    /** A Jackson module for the web layer's mapper that refuses every string of a request body breaking the rule. */
    static SimpleModule module() {
        return new SimpleModule("storable-text").addDeserializer(String.class, new StorableStrings());
    }

    private static final class StorableStrings extends StringDeserializer {

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws JacksonException {
            String value = super.deserialize(parser, context);
            if (value != null && !isStorable(value)) {
                return (String) context.handleWeirdStringValue(String.class, value, RULE);
            }
            return value;
        }
    }
}
