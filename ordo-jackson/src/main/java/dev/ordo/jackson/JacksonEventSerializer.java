package dev.ordo.jackson;

import dev.ordo.core.event.EventData;
import dev.ordo.core.event.EventMetadata;
import dev.ordo.core.event.EventSerializationException;
import dev.ordo.core.event.EventSerializer;
import dev.ordo.core.event.EventTypeRegistry;
import dev.ordo.core.event.RecordedEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * An {@link EventSerializer} that writes events as JSON with Jackson and reads old schema versions through a
 * chain of {@link JsonUpcaster}s.
 *
 * <p>Reading a payload already at its type's current version binds it straight from the text; only old payloads
 * go through a JSON tree. A payload written by newer code (a higher schema version than registered) is refused
 * rather than half-read. Whatever the stored payload holds (random bytes, JSON {@code null}, a field an upcaster
 * needs missing, absurd numbers), reading it either returns an event or throws the documented
 * {@link EventSerializationException} ({@link dev.ordo.core.event.UnknownEventTypeException} for an unknown type).
 * Immutable and thread-safe.
 */
public final class JacksonEventSerializer implements EventSerializer {

    /** More steps than this means the upcasters form a cycle. */
    private static final int MAX_UPCAST_STEPS = 64;

    private final EventTypeRegistry registry;
    private final ObjectMapper mapper;
    private final Map<Key, JsonUpcaster> upcasters;

    private record Key(String eventType, int version) {
    }

    private JacksonEventSerializer(EventTypeRegistry registry, ObjectMapper mapper, Map<Key, JsonUpcaster> upcasters) {
        this.registry = registry;
        this.mapper = mapper;
        this.upcasters = Map.copyOf(upcasters);
    }

    /** A serializer over the registry with {@link OrdoJson#mapper()} and no upcasters. */
    public static JacksonEventSerializer of(EventTypeRegistry registry) {
        return builder(registry).build();
    }

    public static Builder builder(EventTypeRegistry registry) {
        return new Builder(registry);
    }

    /** The registry this serializer names events with. */
    public EventTypeRegistry registry() {
        return registry;
    }

    @Override
    public EventData serialize(UUID eventId, Object event, EventMetadata metadata) {
        Objects.requireNonNull(event, "event");
        EventTypeRegistry.Entry entry = registry.forClass(event.getClass());
        try {
            return new EventData(eventId, entry.name(), entry.schemaVersion(), mapper.writeValueAsString(event), metadata);
        } catch (JacksonException e) {
            throw new EventSerializationException("could not write event '" + entry.name() + "' as JSON: "
                    + e.getOriginalMessage(), e);
        }
    }

    @Override
    public Object deserialize(RecordedEvent recorded) {
        String type = recorded.eventType();
        int version = recorded.schemaVersion();
        try {
            if (!upcasters.containsKey(new Key(type, version))) {
                EventTypeRegistry.Entry entry = registry.forName(type);
                checkVersion(recorded, entry, type, version);
                return notNull(recorded, mapper.readValue(recorded.payload(), entry.type()));
            }
            UpcastEvent current = new UpcastEvent(type, version, readObject(recorded));
            List<String> path = new ArrayList<>();
            for (int step = 0; step < MAX_UPCAST_STEPS; step++) {
                JsonUpcaster upcaster = upcasters.get(new Key(current.eventType(), current.schemaVersion()));
                if (upcaster == null) {
                    EventTypeRegistry.Entry entry = registry.forName(current.eventType());
                    checkVersion(recorded, entry, current.eventType(), current.schemaVersion());
                    return notNull(recorded, mapper.treeToValue(current.payload(), entry.type()));
                }
                path.add(current.eventType() + "@" + current.schemaVersion());
                current = upcast(recorded, upcaster, current);
            }
            throw new EventSerializationException("upcasting event " + recorded.eventId() + " took more than "
                    + MAX_UPCAST_STEPS + " steps; the upcasters form a cycle: " + path);
        } catch (JacksonException e) {
            throw new EventSerializationException("could not read event " + recorded.eventId() + " ('" + type + "' v"
                    + version + ") of stream " + recorded.streamId() + ": " + e.getOriginalMessage(), e);
        }
    }

    /**
     * One upcasting step. An upcaster written for well-formed payloads may fail on a corrupt one (a missing field, a
     * wrong type): that is a payload that cannot be read, reported as such with the upcaster's error as the cause.
     */
    private static UpcastEvent upcast(RecordedEvent recorded, JsonUpcaster upcaster, UpcastEvent current) {
        UpcastEvent next;
        try {
            next = upcaster.upcast(current.payload());
        } catch (EventSerializationException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new EventSerializationException("could not upcast event " + recorded.eventId() + " ('"
                    + current.eventType() + "' v" + current.schemaVersion() + ") of stream " + recorded.streamId()
                    + ": " + e, e);
        }
        if (next == null) {
            throw new EventSerializationException("the upcaster of '" + current.eventType() + "' v"
                    + current.schemaVersion() + " returned nothing for event " + recorded.eventId());
        }
        return next;
    }

    /** A payload of JSON {@code null} binds to {@code null}: no event, so it cannot be read as one. */
    private static Object notNull(RecordedEvent recorded, Object event) {
        if (event == null) {
            throw new EventSerializationException("the payload of event " + recorded.eventId() + " ('"
                    + recorded.eventType() + "') of stream " + recorded.streamId() + " is JSON null, not an event");
        }
        return event;
    }

    private ObjectNode readObject(RecordedEvent recorded) {
        JsonNode tree = mapper.readTree(recorded.payload());
        if (!(tree instanceof ObjectNode object)) {
            throw new EventSerializationException("payload of event " + recorded.eventId() + " is not a JSON object");
        }
        return object;
    }

    private static void checkVersion(RecordedEvent recorded, EventTypeRegistry.Entry entry, String type, int version) {
        if (version == entry.schemaVersion()) {
            return;
        }
        String problem = version > entry.schemaVersion()
                ? "was written by newer code (schema version " + version + ", this code knows up to " + entry.schemaVersion() + ")"
                : "has schema version " + version + " and no upcaster leads from it to the current version " + entry.schemaVersion();
        throw new EventSerializationException("event " + recorded.eventId() + " of stream " + recorded.streamId()
                + " ('" + type + "') " + problem);
    }

    /** Configures a {@link JacksonEventSerializer}; not thread-safe. */
    public static final class Builder {

        private final EventTypeRegistry registry;
        private ObjectMapper mapper = OrdoJson.mapper();
        private final Map<Key, JsonUpcaster> upcasters = new HashMap<>();

        private Builder(EventTypeRegistry registry) {
            this.registry = Objects.requireNonNull(registry, "registry");
        }

        /** The mapper to use; start from {@link OrdoJson#builder()} to keep exact decimals in upcasting. */
        public Builder mapper(ObjectMapper mapper) {
            this.mapper = Objects.requireNonNull(mapper, "mapper");
            return this;
        }

        /**
         * Adds an upcaster.
         *
         * @throws IllegalArgumentException when another upcaster already reads the same type and version
         */
        public Builder upcaster(JsonUpcaster upcaster) {
            Key key = new Key(upcaster.eventType(), upcaster.fromVersion());
            if (upcasters.putIfAbsent(key, upcaster) != null) {
                throw new IllegalArgumentException("two upcasters read '" + key.eventType() + "' version " + key.version());
            }
            return this;
        }

        public JacksonEventSerializer build() {
            return new JacksonEventSerializer(registry, mapper, upcasters);
        }
    }
}
