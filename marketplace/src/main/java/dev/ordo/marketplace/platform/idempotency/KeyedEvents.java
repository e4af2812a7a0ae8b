package dev.ordo.marketplace.platform.idempotency;

import dev.ordo.core.event.RecordedEvent;
import dev.ordo.core.event.StreamId;
import dev.ordo.core.store.EventReader;
import dev.ordo.core.store.ReadDirection;
import java.util.Optional;

/**
 * Finds what a request with an Idempotency-Key wrote: command endpoints put the key into the metadata of every event
 * their command appends (under {@link #METADATA}), so a retry whose first outcome was unknown can be answered from the
 * stream. Stateless.
 */
public final class KeyedEvents {

    /** The metadata name that carries a request's Idempotency-Key onto its events. */
    public static final String METADATA = "idempotency-key";

    /** How far back a stream is searched: the request's events are among its latest. */
    private static final int LOOK_BACK = 200;

    private KeyedEvents() {
    }

    /** The version of the stream's latest event written with the key, among its last 200; empty when none is. */
    public static Optional<Long> versionWrittenWith(EventReader reader, StreamId stream, String key) {
        for (RecordedEvent event : reader.readStream(stream, ReadDirection.BACKWARDS, Long.MAX_VALUE, LOOK_BACK)) {
            if (key.equals(event.metadata().extra().get(METADATA))) {
                return Optional.of(event.streamVersion());
            }
        }
        return Optional.empty();
    }
}
