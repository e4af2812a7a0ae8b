package dev.ordo.marketplace.platform.wiring;

import dev.ordo.core.event.EventTypeRegistry;

/**
 * A bounded context's stored event types, as a bean: the marketplace's one event serializer knows the types of every
 * context that runs in the process. Needs nothing, so the serializer can be built before the contexts' services.
 */
@FunctionalInterface
public interface ContextEvents {

    /** Registers the context's event types under their stable names. */
    void register(EventTypeRegistry.Builder events);
}
