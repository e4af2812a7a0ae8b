package dev.ordo.jackson;

import dev.ordo.core.event.EventSerializationException;
import dev.ordo.core.snapshot.StateCodec;
import java.util.Objects;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;

/**
 * A {@link StateCodec} that writes decider state as JSON with Jackson. Immutable and thread-safe.
 *
 * @param <S> the state type; for a sealed state hierarchy, annotate it for Jackson polymorphism
 */
public final class JacksonStateCodec<S> implements StateCodec<S> {

    private final ObjectMapper mapper;
    private final Class<S> type;
    private final int schemaVersion;

    private JacksonStateCodec(ObjectMapper mapper, Class<S> type, int schemaVersion) {
        if (schemaVersion < 1) {
            throw new IllegalArgumentException("a state schema version starts at 1, was " + schemaVersion);
        }
        this.mapper = Objects.requireNonNull(mapper, "mapper");
        this.type = Objects.requireNonNull(type, "type");
        this.schemaVersion = schemaVersion;
    }

    /** A codec with {@link OrdoJson#mapper()}. */
    public static <S> JacksonStateCodec<S> of(Class<S> type, int schemaVersion) {
        return new JacksonStateCodec<>(OrdoJson.mapper(), type, schemaVersion);
    }

    public static <S> JacksonStateCodec<S> of(ObjectMapper mapper, Class<S> type, int schemaVersion) {
        return new JacksonStateCodec<>(mapper, type, schemaVersion);
    }

    @Override
    public int schemaVersion() {
        return schemaVersion;
    }

    @Override
    public String encode(S state) {
        try {
            return mapper.writeValueAsString(state);
        } catch (JacksonException e) {
            throw new EventSerializationException("could not write state " + type.getName() + " as JSON: "
                    + e.getOriginalMessage(), e);
        }
    }

    /**
     * {@inheritDoc}
     *
     * @throws EventSerializationException when the text is not a state of the type, JSON {@code null} included (a
     *                                     snapshot always holds a state)
     */
    @Override
    public S decode(String encoded) {
        try {
            S state = mapper.readValue(encoded, type);
            if (state == null) {
                throw new EventSerializationException("could not read state " + type.getName()
                        + ": the text is JSON null");
            }
            return state;
        } catch (JacksonException e) {
            throw new EventSerializationException("could not read state " + type.getName() + ": "
                    + e.getOriginalMessage(), e);
        }
    }
}
