package dev.ordo.coordination.internal;

import dev.ordo.coordination.event.CoordinationEvent;
import dev.ordo.coordination.event.CoordinationEventPublisher;
import dev.ordo.coordination.event.CoordinationListener;
import dev.ordo.core.bus.event.Registration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The listeners of one coordinator, as an immutable snapshot replaced on every change, so publishing never waits
 * for a subscription. A listener that throws is logged at WARN and skipped; publishing never throws. Thread-safe.
 */
public final class Listeners implements CoordinationEventPublisher {

    private static final Logger log = LoggerFactory.getLogger(Listeners.class);

    private record Subscriber(String name, CoordinationListener listener) {
    }

    private final ReentrantLock lock = new ReentrantLock();
    private volatile List<Subscriber> snapshot = List.of();
    private long sequence;

    @Override
    public Registration subscribe(CoordinationListener listener) {
        return add(null, listener);
    }

    @Override
    public Registration subscribe(String name, CoordinationListener listener) {
        return add(Objects.requireNonNull(name, "name"), listener);
    }

    /** Delivers an event to every listener subscribed now, in subscription order. */
    public void publish(CoordinationEvent event) {
        for (Subscriber subscriber : snapshot) {
            try {
                subscriber.listener().on(event);
            } catch (RuntimeException | LinkageError e) {
                log.warn("coordination listener {} failed on {} of operation '{}' (run {}); the run goes on",
                        subscriber.name(), event.type(), event.operation(), event.runId(), e);
            }
        }
    }

    private Registration add(String name, CoordinationListener listener) {
        Objects.requireNonNull(listener, "listener");
        Subscriber subscriber;
        lock.lock();
        try {
            long next = ++sequence;
            String effective = name != null ? name : derivedName(listener, next);
            if (snapshot.stream().anyMatch(s -> s.name().equals(effective))) {
                throw new IllegalArgumentException("a coordination listener named '" + effective
                        + "' is already subscribed; listener names must be unique per coordinator");
            }
            subscriber = new Subscriber(effective, listener);
            List<Subscriber> changed = new ArrayList<>(snapshot);
            changed.add(subscriber);
            snapshot = List.copyOf(changed);
        } finally {
            lock.unlock();
        }
        return new Registration() {
            @Override
            public String listener() {
                return subscriber.name();
            }

            @Override
            public void unsubscribe() {
                remove(subscriber);
            }
        };
    }

    private void remove(Subscriber subscriber) {
        lock.lock();
        try {
            snapshot = snapshot.stream().filter(s -> s != subscriber).toList();
        } finally {
            lock.unlock();
        }
    }

    private static String derivedName(CoordinationListener listener, long sequence) {
        Class<?> type = listener.getClass();
        boolean readable = !type.isSynthetic() && !type.isHidden() && !type.isAnonymousClass();
        return (readable ? type.getSimpleName() : "listener") + "#" + sequence;
    }
}
