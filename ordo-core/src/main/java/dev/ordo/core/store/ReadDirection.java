package dev.ordo.core.store;

/** The order of a stream read. */
public enum ReadDirection {
    /** Ascending versions, starting at the given version. */
    FORWARDS,
    /** Descending versions, starting at the given version ({@code Long.MAX_VALUE} for the end). */
    BACKWARDS
}
