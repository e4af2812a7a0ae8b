package dev.ordo.core.bus.event;

/**
 * Reacts to an event delivered by the {@link EventBus}, on the publishing thread.
 *
 * <p>A listener that throws does not stop delivery to the others; its failure is recorded by the bus. Listeners
 * of a bus published to from several threads must be thread-safe.
 */
@FunctionalInterface
public interface EventListener {

    void on(EventMessage message) throws Exception;
}
