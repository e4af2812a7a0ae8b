package dev.ordo.core.subscription;

/** Remembers, per subscription, the last global position it has handled. Thread-safe. */
public interface CheckpointStore {

    /** The last handled position, 0 when the subscription never handled an event. */
    long load(String subscription);

    /** Stores the last handled position. Checkpoints may move backwards only through {@link #reset}. */
    void save(String subscription, long position);

    /** Sets the checkpoint to any position, for example 0 to replay everything. */
    void reset(String subscription, long position);
}
