package dev.ordo.kafka.saga;

import dev.ordo.jackson.OrdoJson;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The payloads and results that travel between sagas and participants, registered by stable names (such as
 * {@code shipping.create-shipment.v1}), and their JSON form. The wire carries the name, never a class name, so classes
 * can be renamed and moved, and a record cannot make a receiver instantiate a class it did not register. Both sides
 * register the same names. Immutable and thread-safe.
 */
public final class StepMessageTypes {

    private final Map<String, Class<?>> byName;
    private final Map<Class<?>, String> byType;
    private final JsonMapper mapper;

    private StepMessageTypes(Builder builder) {
        this.byName = Map.copyOf(builder.byName);
        this.byType = Map.copyOf(builder.byType);
        this.mapper = builder.mapper;
    }

    /** No type yet; JSON through {@link OrdoJson#mapper()}. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The registered name of the value's class.
     *
     * @throws IllegalArgumentException when the class is not registered
     */
    public String nameOf(Object value) {
        String name = byType.get(value.getClass());
        if (name == null) {
            throw new IllegalArgumentException(value.getClass().getName() + " is not a registered step message type");
        }
        return name;
    }

    /** The value as JSON bytes. @throws IllegalArgumentException when it cannot be written */
    byte[] encode(Object value) {
        nameOf(value);
        try {
            return mapper.writeValueAsBytes(value);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("a " + value.getClass().getName() + " cannot be written as JSON", e);
        }
    }

    /**
     * The value of the registered type named {@code name}, read from JSON.
     *
     * @throws IllegalArgumentException when the name is not registered or the bytes are not such a value
     */
    Object decode(String name, byte[] json) {
        Class<?> type = byName.get(name);
        if (type == null) {
            throw new IllegalArgumentException("no step message type is registered as '" + name + "'");
        }
        try {
            return mapper.readValue(json, type);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("not a " + name + ": " + e.getOriginalMessage(), e);
        }
    }

    /** Collects the types; not thread-safe. */
    public static final class Builder {
        private final Map<String, Class<?>> byName = new LinkedHashMap<>();
        private final Map<Class<?>, String> byType = new LinkedHashMap<>();
        private JsonMapper mapper = OrdoJson.mapper();

        private Builder() {
        }

        /**
         * Registers a payload or result type under a stable name.
         *
         * @throws IllegalArgumentException when the name or the type is registered already
         */
        public Builder register(String name, Class<?> type) {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(type, "type");
            if (name.isBlank()) {
                throw new IllegalArgumentException("a step message type needs a name");
            }
            if (byName.containsKey(name) || byType.containsKey(type)) {
                throw new IllegalArgumentException("'" + name + "' or " + type.getName() + " is registered already");
            }
            byName.put(name, type);
            byType.put(type, name);
            return this;
        }

        /** The JSON mapper; start from {@link OrdoJson#builder()} to keep its exact decimals. */
        public Builder mapper(JsonMapper value) {
            this.mapper = Objects.requireNonNull(value, "mapper");
            return this;
        }

        public StepMessageTypes build() {
            return new StepMessageTypes(this);
        }
    }
}
