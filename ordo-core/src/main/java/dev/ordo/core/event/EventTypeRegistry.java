package dev.ordo.core.event;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The mapping between event classes and their stable stored names and current schema versions.
 *
 * <p>Immutable and thread-safe once built. Every name and every class appears at most once. Names are lower
 * case words separated by {@code .}, {@code _} or {@code -} (for example {@code order.item-added}), which keeps
 * Java class names out of the store by construction.
 */
public final class EventTypeRegistry {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9]*([._-][a-z0-9]+)*");

    /** One registered event type. */
    public record Entry(String name, int schemaVersion, Class<?> type) {
    }

    private final Map<String, Entry> byName;
    private final Map<Class<?>, Entry> byClass;

    private EventTypeRegistry(Map<String, Entry> byName, Map<Class<?>, Entry> byClass) {
        this.byName = Collections.unmodifiableMap(byName);
        this.byClass = Collections.unmodifiableMap(byClass);
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * The entry for an event object's class.
     *
     * @throws UnknownEventTypeException when the class was not registered
     */
    public Entry forClass(Class<?> type) {
        Entry entry = byClass.get(type);
        if (entry == null) {
            throw new UnknownEventTypeException("event class " + type.getName()
                    + " is not registered; register it with a stable name (EventTypeRegistry.builder().register(...))");
        }
        return entry;
    }

    /**
     * The entry for a stored type name.
     *
     * @throws UnknownEventTypeException when no class is registered under that name
     */
    public Entry forName(String name) {
        Entry entry = byName.get(name);
        if (entry == null) {
            throw new UnknownEventTypeException("stored event type '" + name + "' is not registered; known types: "
                    + byName.keySet());
        }
        return entry;
    }

    /** The entry for a stored type name, if registered. */
    public Optional<Entry> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** All registered names. */
    public Set<String> names() {
        return byName.keySet();
    }

    /** Collects registrations; not thread-safe. */
    public static final class Builder {

        private final Map<String, Entry> byName = new LinkedHashMap<>();
        private final Map<Class<?>, Entry> byClass = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * Registers a class under a stored name at its current schema version. Registering the same class under
         * the same name and version again changes nothing.
         *
         * @throws IllegalArgumentException when the name is malformed, the name belongs to another class, or the
         *                                  class is already registered under another name or version
         */
        public Builder register(Class<?> type, String name, int schemaVersion) {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(name, "name");
            if (!NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("event type name '" + name + "' of " + type.getName()
                        + " must be lower case words separated by '.', '_' or '-' (for example 'order.placed')");
            }
            if (schemaVersion < 1) {
                throw new IllegalArgumentException("schema version of '" + name + "' must be at least 1");
            }
            Entry existing = byName.get(name);
            if (existing != null && existing.type() != type) {
                throw new IllegalArgumentException("event type name '" + name + "' is already used by "
                        + existing.type().getName() + ", cannot register it for " + type.getName());
            }
            Entry previous = byClass.get(type);
            if (previous != null && (!previous.name().equals(name) || previous.schemaVersion() != schemaVersion)) {
                throw new IllegalArgumentException(type.getName() + " is already registered as '" + previous.name()
                        + "' version " + previous.schemaVersion());
            }
            Entry entry = new Entry(name, schemaVersion, type);
            byName.put(name, entry);
            byClass.put(type, entry);
            return this;
        }

        /**
         * Registers a class that carries {@link EventType}.
         *
         * @throws IllegalArgumentException when the class has no {@link EventType} annotation
         */
        public Builder registerAnnotated(Class<?> type) {
            EventType annotation = type.getAnnotation(EventType.class);
            if (annotation == null) {
                throw new IllegalArgumentException(type.getName() + " has no @EventType annotation naming its stored type");
            }
            return register(type, annotation.value(), annotation.version());
        }

        /**
         * Registers every concrete class permitted by a sealed interface (recursively through nested sealed
         * interfaces); each must carry {@link EventType}.
         *
         * @throws IllegalArgumentException when the type is not sealed or a permitted class is not annotated
         */
        public Builder registerSealed(Class<?> sealedType) {
            if (!sealedType.isSealed()) {
                throw new IllegalArgumentException(sealedType.getName() + " is not a sealed type");
            }
            for (Class<?> permitted : sealedType.getPermittedSubclasses()) {
                if (permitted.isSealed()) {
                    registerSealed(permitted);
                } else {
                    registerAnnotated(permitted);
                }
            }
            return this;
        }

        public EventTypeRegistry build() {
            return new EventTypeRegistry(new LinkedHashMap<>(byName), new LinkedHashMap<>(byClass));
        }
    }
}
