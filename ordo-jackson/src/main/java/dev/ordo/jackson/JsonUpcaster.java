package dev.ordo.jackson;

import java.util.Objects;
import java.util.function.UnaryOperator;
import tools.jackson.databind.node.ObjectNode;

/**
 * Rewrites a stored payload of one type and schema version into a newer form. Upcasters are chained by
 * (type, schema version) until the current version of a registered type is reached. Implementations are pure
 * and thread-safe; they may change the payload in place.
 */
public interface JsonUpcaster {

    /** The stored type name this upcaster reads. */
    String eventType();

    /** The schema version this upcaster reads. */
    int fromVersion();

    /** Rewrites the payload; the result must have a higher schema version or another type name. */
    UpcastEvent upcast(ObjectNode payload);

    /** An upcaster from {@code fromVersion} to {@code fromVersion + 1} of the same type. */
    static JsonUpcaster of(String eventType, int fromVersion, UnaryOperator<ObjectNode> change) {
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(change, "change");
        return new JsonUpcaster() {
            @Override
            public String eventType() {
                return eventType;
            }

            @Override
            public int fromVersion() {
                return fromVersion;
            }

            @Override
            public UpcastEvent upcast(ObjectNode payload) {
                return new UpcastEvent(eventType, fromVersion + 1, change.apply(payload));
            }
        };
    }

    /** An upcaster that renames a stored type, keeping the payload, to the given version of the new name. */
    static JsonUpcaster renaming(String oldType, int fromVersion, String newType, int toVersion) {
        Objects.requireNonNull(oldType, "oldType");
        Objects.requireNonNull(newType, "newType");
        return new JsonUpcaster() {
            @Override
            public String eventType() {
                return oldType;
            }

            @Override
            public int fromVersion() {
                return fromVersion;
            }

            @Override
            public UpcastEvent upcast(ObjectNode payload) {
                return new UpcastEvent(newType, toVersion, payload);
            }
        };
    }
}
