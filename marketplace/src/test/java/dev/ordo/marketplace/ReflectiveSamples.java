package dev.ordo.marketplace;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Currency;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A plausible JSON sample of a record type, built from its components the way the marketplace's events are written:
 * id records as bare UUIDs, money as amount and currency, enums by name, collections with one element. The seed that
 * the decoders' robustness tests mutate.
 */
final class ReflectiveSamples {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ReflectiveSamples() {
    }

    /**
     * A sample of the type.
     *
     * @throws IllegalArgumentException for a type it cannot sample
     */
    static JsonNode of(Type type, String name) {
        Class<?> raw = raw(type);
        if (raw == String.class) {
            return NODES.stringNode(text(name));
        }
        if (raw == UUID.class) {
            return NODES.stringNode(UUID.nameUUIDFromBytes(name.getBytes()).toString());
        }
        if (raw == int.class || raw == Integer.class || raw == long.class || raw == Long.class) {
            return NODES.numberNode(name.toLowerCase().contains("reserved") ? 0 : 1);
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return NODES.booleanNode(true);
        }
        if (raw == BigDecimal.class) {
            return NODES.numberNode(new BigDecimal("12.50"));
        }
        if (raw == Instant.class) {
            return NODES.stringNode("2026-03-01T08:00:00Z");
        }
        if (raw == LocalDate.class) {
            return NODES.stringNode("2026-03-01");
        }
        if (raw == Currency.class) {
            return NODES.stringNode("EUR");
        }
        if (JsonNode.class.isAssignableFrom(raw)) {
            ObjectNode json = NODES.objectNode();
            json.set(name, NODES.stringNode(text(name)));
            return json;
        }
        if (raw.isEnum()) {
            return NODES.stringNode(((Enum<?>) raw.getEnumConstants()[0]).name());
        }
        if (Collection.class.isAssignableFrom(raw)) {
            return NODES.arrayNode().add(of(argument(type, 0), name));
        }
        if (Map.class.isAssignableFrom(raw)) {
            ObjectNode map = NODES.objectNode();
            map.set("key", of(argument(type, 1), name));
            return map;
        }
        if (raw.isRecord()) {
            RecordComponent[] components = raw.getRecordComponents();
            if (components.length == 1 && components[0].getType() == UUID.class) {
                return of(UUID.class, raw.getSimpleName());
            }
            ObjectNode object = NODES.objectNode();
            for (RecordComponent component : components) {
                object.set(component.getName(), of(component.getGenericType(), component.getName()));
            }
            return object;
        }
        throw new IllegalArgumentException("no sample for " + type + " (" + name + ")");
    }

    private static String text(String name) {
        return switch (name) {
            case "currency" -> "EUR";
            case "country" -> "FR";
            case "postalCode" -> "69001";
            default -> "sample " + name;
        };
    }

    private static Class<?> raw(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        throw new IllegalArgumentException("no sample for " + type);
    }

    private static Type argument(Type type, int index) {
        if (type instanceof ParameterizedType p) {
            return p.getActualTypeArguments()[index];
        }
        return String.class;
    }
}
