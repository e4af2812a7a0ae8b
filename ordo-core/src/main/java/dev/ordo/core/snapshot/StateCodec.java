package dev.ordo.core.snapshot;

/**
 * Encodes decider state for snapshots. Thread-safe.
 *
 * @param <S> the state type
 */
public interface StateCodec<S> {

    /** The current version of the state's shape; bump it whenever the state type changes incompatibly. */
    int schemaVersion();

    /** Encodes the state as JSON. */
    String encode(S state);

    /** Decodes state encoded with the current {@link #schemaVersion()}. */
    S decode(String encoded);
}
