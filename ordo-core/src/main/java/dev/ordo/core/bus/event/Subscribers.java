package dev.ordo.core.bus.event;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The listeners of a bus in delivery order (higher priority first, then subscription order), as an immutable
 * snapshot replaced on every change, so publishing never waits for a subscription and never sees a half change.
 * Thread-safe.
 */
final class Subscribers {

    /** One subscribed listener. */
    record Subscriber(long sequence, String name, EventSelector selector, int priority, EventListener listener) {
    }

    private static final Comparator<Subscriber> DELIVERY_ORDER = Comparator.comparingInt(Subscriber::priority)
            .reversed().thenComparingLong(Subscriber::sequence);

    private final ReentrantLock lock = new ReentrantLock();
    private volatile List<Subscriber> snapshot = List.of();
    private long sequence;

    /**
     * Adds a listener.
     *
     * @param name the listener's name, or {@code null} to derive one
     * @throws IllegalArgumentException when a subscribed listener already has that name
     */
    Subscriber add(String name, EventSelector selector, int priority, EventListener listener) {
        Objects.requireNonNull(selector, "selector");
        Objects.requireNonNull(listener, "listener");
        lock.lock();
        try {
            long next = ++sequence;
            String effective = name != null ? name : derivedName(listener, selector, next);
            if (snapshot.stream().anyMatch(s -> s.name().equals(effective))) {
                throw new IllegalArgumentException("a listener named '" + effective + "' is already subscribed; "
                        + "listener names must be unique on a bus");
            }
            Subscriber subscriber = new Subscriber(next, effective, selector, priority, listener);
            List<Subscriber> changed = new ArrayList<>(snapshot);
            changed.add(subscriber);
            changed.sort(DELIVERY_ORDER);
            snapshot = List.copyOf(changed);
            return subscriber;
        } finally {
            lock.unlock();
        }
    }

    /** Removes a listener; does nothing when it is no longer subscribed. */
    void remove(Subscriber subscriber) {
        lock.lock();
        try {
            if (snapshot.contains(subscriber)) {
                snapshot = snapshot.stream().filter(s -> !s.equals(subscriber)).toList();
            }
        } finally {
            lock.unlock();
        }
    }

    /** The listeners now, in delivery order. */
    List<Subscriber> snapshot() {
        return snapshot;
    }

    /** The listener's class name when it has a readable one, else the selector, made unique by the sequence. */
    private static String derivedName(EventListener listener, EventSelector selector, long sequence) {
        Class<?> type = listener.getClass();
        boolean readable = !type.isSynthetic() && !type.isHidden() && !type.isAnonymousClass();
        return (readable ? type.getSimpleName() : selector.toString()) + "#" + sequence;
    }
}
