package dev.ordo.core.bus;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * An immutable table from message classes to handlers, as the buses route with it.
 *
 * <p>A message goes to the handler registered for its exact class. When there is none, it goes to the handler of
 * its nearest registered supertype, counting one step per superclass or interface edge ({@link Object} counts
 * as farthest of all). Two registered supertypes at the same distance make the route ambiguous, which is reported
 * rather than decided by declaration order. Lookups are cached per class. Thread-safe.
 *
 * @param <V> the handler type
 */
public final class TypeRoutes<V> {

    private final String kind;
    private final Map<Class<?>, V> routes;
    private final ConcurrentMap<Class<?>, Optional<V>> resolved = new ConcurrentHashMap<>();

    private TypeRoutes(String kind, Map<Class<?>, V> routes) {
        this.kind = kind;
        this.routes = Map.copyOf(routes);
    }

    /**
     * @param kind what the routed messages are, such as {@code command}; used in error messages
     */
    public static <V> Builder<V> builder(String kind) {
        return new Builder<>(kind);
    }

    /**
     * The handler for messages of the given class.
     *
     * @return empty when neither the class nor any of its supertypes is registered
     * @throws IllegalStateException when two registered supertypes are equally near
     */
    public Optional<V> find(Class<?> type) {
        Objects.requireNonNull(type, "type");
        Optional<V> cached = resolved.get(type);
        if (cached != null) {
            return cached;
        }
        Optional<V> found = resolve(type);
        resolved.putIfAbsent(type, found);
        return found;
    }

    /**
     * The handler for a message.
     *
     * @throws NoHandlerException    when neither the message's class nor any of its supertypes is registered
     * @throws IllegalStateException when two registered supertypes are equally near
     */
    public V route(Object message) {
        Objects.requireNonNull(message, kind);
        return find(message.getClass()).orElseThrow(() -> new NoHandlerException(kind, message.getClass()));
    }

    private Optional<V> resolve(Class<?> type) {
        Set<Class<?>> seen = new HashSet<>();
        List<Class<?>> level = List.of(type);
        while (!level.isEmpty()) {
            List<Class<?>> matches = level.stream().filter(routes::containsKey).toList();
            if (matches.size() > 1) {
                throw new IllegalStateException(kind + " " + type.getName() + " matches the handlers of "
                        + matches.stream().map(Class::getName).toList()
                        + " at the same distance; register a handler for " + type.getName() + " itself");
            }
            if (matches.size() == 1) {
                return Optional.of(routes.get(matches.getFirst()));
            }
            seen.addAll(level);
            level = supertypesOf(level, seen);
        }
        return Optional.ofNullable(routes.get(Object.class));
    }

    private static List<Class<?>> supertypesOf(List<Class<?>> types, Set<Class<?>> seen) {
        List<Class<?>> next = new ArrayList<>();
        for (Class<?> type : types) {
            Class<?> superclass = type.getSuperclass();
            if (superclass != null && superclass != Object.class && !seen.contains(superclass)
                    && !next.contains(superclass)) {
                next.add(superclass);
            }
            for (Class<?> implemented : type.getInterfaces()) {
                if (!seen.contains(implemented) && !next.contains(implemented)) {
                    next.add(implemented);
                }
            }
        }
        return next;
    }

    /** Collects routes; not thread-safe. */
    public static final class Builder<V> {

        private final String kind;
        private final Map<Class<?>, V> routes = new HashMap<>();

        private Builder(String kind) {
            this.kind = Objects.requireNonNull(kind, "kind");
        }

        /**
         * Routes messages of a class (and of subtypes without a nearer route) to a handler.
         *
         * @throws IllegalArgumentException when the class already has a handler
         */
        public Builder<V> add(Class<?> type, V handler) {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(handler, "handler");
            if (routes.putIfAbsent(type, handler) != null) {
                throw new IllegalArgumentException("a handler for " + kind + " " + type.getName()
                        + " is already registered; each " + kind + " class has exactly one handler");
            }
            return this;
        }

        public TypeRoutes<V> build() {
            return new TypeRoutes<>(kind, routes);
        }
    }
}
