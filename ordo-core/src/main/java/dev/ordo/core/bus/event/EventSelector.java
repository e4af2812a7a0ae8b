package dev.ordo.core.bus.event;

/**
 * Chooses which messages a listener receives. The factories cover the usual cases; a lambda can express any
 * other rule. Implementations are thread-safe and fast: they run for every published event.
 */
@FunctionalInterface
public interface EventSelector {

    /** True when the listener should receive the message. */
    boolean matches(EventMessage message);

    /**
     * Events that are instances of a class or interface, so a sealed interface selects all its records. Events the
     * serializer could not read never match.
     */
    static EventSelector type(Class<?> type) {
        return new Selectors.ByType(type);
    }

    /** Events stored under a type name, such as {@code order.placed}, whether or not the serializer knows it. */
    static EventSelector typeName(String storedName) {
        return new Selectors.ByTypeName(storedName);
    }

    /** Events of the streams of a category, such as {@code order} for {@code order-42}. */
    static EventSelector category(String category) {
        return new Selectors.ByCategory(category);
    }

    /** Every event. */
    static EventSelector all() {
        return Selectors.All.INSTANCE;
    }
}
