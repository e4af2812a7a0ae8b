package dev.ordo.coordination.event;

import dev.ordo.core.bus.event.Registration;

/**
 * The listener registry of one coordinator. Thread-safe: listeners may subscribe and unsubscribe while runs are
 * going; an event goes to the listeners subscribed when its publication starts, in subscription order.
 */
public interface CoordinationEventPublisher {

    /** Subscribes a listener under a name derived from its class, made unique. */
    Registration subscribe(CoordinationListener listener);

    /**
     * Subscribes a listener under a name that failure logs report.
     *
     * @throws IllegalArgumentException when a subscribed listener already has that name
     */
    Registration subscribe(String name, CoordinationListener listener);
}
