package dev.ordo.marketplace.platform.live;

import dev.ordo.core.event.RecordedEvent;
import dev.ordo.core.store.EventFilter;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/** What one live feed shows: which stored events, and each of them as a message. Implementations are thread-safe. */
interface LiveTopic {

    /** The feed's name ({@code orders}, {@code notifications}): the {@code feed} tag of its metrics. */
    String name();

    /** The stored events the feed reads; {@link #message} may still skip some of them. */
    EventFilter filter();

    /**
     * The message of one event that passed the {@link #filter()}, or empty when the feed does not show it (an event
     * type it does not know). May read the store (for what the event itself does not carry); throws what the store
     * throws.
     */
    Optional<LiveMessage> message(RecordedEvent event);

    /** A text field of a stored event's JSON, {@code null} when it is missing or null. */
    static String text(JsonNode payload, String field) {
        JsonNode value = payload.path(field);
        return value.isMissingNode() || value.isNull() ? null : value.asString();
    }
}
