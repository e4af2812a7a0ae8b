package dev.ordo.saga;

import dev.ordo.core.event.Envelope;
import dev.ordo.core.store.EventFilter;
import java.util.List;

/**
 * Choreography: reacts to events with commands, as a pure function ({@code react(event) -> commands}), with no
 * state of its own. Run by a {@link ProcessManagerRunner} on a checkpointed subscription.
 *
 * @param <E> the event type it reacts to (events of other types that pass the filter are skipped)
 */
public interface ProcessManager<E> {

    /** Its unique name; also its subscription's and checkpoint's name. */
    String name();

    /** The events it needs; the rest are not read. */
    EventFilter filter();

    /** The class of the events it reacts to. */
    Class<E> eventType();

    /** The commands an event calls for; none for events it ignores. Must be deterministic. */
    List<Object> react(Envelope<E> event);
}
