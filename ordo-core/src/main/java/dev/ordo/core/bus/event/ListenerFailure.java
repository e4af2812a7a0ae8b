package dev.ordo.core.bus.event;

import dev.ordo.core.event.RecordedEvent;
import java.time.Instant;

/**
 * A listener threw while handling an event.
 *
 * @param listener the listener's name
 * @param event    the event it was handling, as the middlewares left it
 * @param error    what it threw
 * @param at       when
 */
public record ListenerFailure(String listener, RecordedEvent event, Throwable error, Instant at) {
}
