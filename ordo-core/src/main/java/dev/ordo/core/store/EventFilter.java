package dev.ordo.core.store;

import dev.ordo.core.event.RecordedEvent;
import java.util.Set;

/**
 * Selects events of {@code $all} by stream category and by stored type name. An empty set does not restrict;
 * both sets must match when both are given.
 *
 * @param categories stream categories (the part of a stream id before the first {@code -})
 * @param eventTypes stored event type names
 */
public record EventFilter(Set<String> categories, Set<String> eventTypes) {

    private static final EventFilter ALL = new EventFilter(Set.of(), Set.of());

    public EventFilter {
        categories = categories == null ? Set.of() : Set.copyOf(categories);
        eventTypes = eventTypes == null ? Set.of() : Set.copyOf(eventTypes);
    }

    /** Every event. */
    public static EventFilter all() {
        return ALL;
    }

    /** Events of streams in any of the categories. */
    public static EventFilter categories(String... categories) {
        return new EventFilter(Set.of(categories), Set.of());
    }

    /** Events of any of the stored types. */
    public static EventFilter eventTypes(String... eventTypes) {
        return new EventFilter(Set.of(), Set.of(eventTypes));
    }

    /** This filter further restricted to the given stored types. */
    public EventFilter andEventTypes(String... eventTypes) {
        return new EventFilter(categories, Set.of(eventTypes));
    }

    /** True when the filter lets every event through. */
    public boolean isAll() {
        return categories.isEmpty() && eventTypes.isEmpty();
    }

    /** Whether the event passes the filter. */
    public boolean matches(RecordedEvent event) {
        return (categories.isEmpty() || categories.contains(event.streamId().category()))
                && (eventTypes.isEmpty() || eventTypes.contains(event.eventType()));
    }
}
