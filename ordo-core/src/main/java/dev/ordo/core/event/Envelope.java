package dev.ordo.core.event;

/**
 * A deserialized domain event with the record it was read from.
 *
 * @param recorded the stored form, with positions and metadata
 * @param event    the domain event
 * @param <E>      the domain event type
 */
public record Envelope<E>(RecordedEvent recorded, E event) {
}
