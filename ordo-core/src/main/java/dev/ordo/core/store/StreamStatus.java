package dev.ordo.core.store;

/** The lifecycle of a stream. */
public enum StreamStatus {
    /** Readable and writable. */
    ACTIVE,
    /** Its events are hidden from stream reads; appending again revives it and continues its version. */
    SOFT_DELETED,
    /** Deleted for good: every read or append of it fails with {@link StreamDeletedException}. */
    TOMBSTONED
}
