package dev.ordo.core.bus.event;

import java.util.Optional;

/**
 * A step every published event passes before any listener sees it, in registration order. It may enrich the
 * message (return a changed one) or filter it out (return empty: no listener sees it). A middleware that throws
 * fails the {@code publish} call for that event. Implementations are thread-safe.
 */
@FunctionalInterface
public interface EventBusMiddleware {

    /** The message to deliver, possibly changed, or empty to deliver nothing; never {@code null}. */
    Optional<EventMessage> apply(EventMessage message);
}
