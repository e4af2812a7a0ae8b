package dev.ordo.core.bus.event;

/** A listener's subscription to an {@link EventBus}; closing it unsubscribes. Thread-safe. */
public interface Registration extends AutoCloseable {

    /** The listener's name, as failures and metrics report it. */
    String listener();

    /**
     * Stops delivery to the listener: no event whose delivery starts after this returns reaches it (one being
     * delivered on another thread may still). Calling it again does nothing.
     */
    void unsubscribe();

    /** Same as {@link #unsubscribe()}. */
    @Override
    default void close() {
        unsubscribe();
    }
}
