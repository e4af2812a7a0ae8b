package dev.ordo.kafka.consumer;

import dev.ordo.core.event.RecordedEvent;

/**
 * An event the consumer's handler does not understand: its type is not among the consumer's known types, or its
 * schema version is newer than the one registered (the producing service was upgraded first). It becomes a dead letter
 * at once and holds its stream; redrive it once the consumer knows the type.
 */
public final class UnsupportedEventException extends RuntimeException {

    UnsupportedEventException(RecordedEvent event, String why) {
        super("event " + event.eventId() + " (" + event.streamId() + " v" + event.streamVersion() + ", type "
                + event.eventType() + " schema " + event.schemaVersion() + "): " + why);
    }
}
