package dev.ordo.core.command;

import dev.ordo.core.store.EventStore;
import dev.ordo.core.store.EventStoreUnavailableException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/** A store in front of another that counts appends, and fails them as if the database were down while told to. */
final class AppendCountingStore {

    private final AtomicInteger appends = new AtomicInteger();
    private final AtomicBoolean down = new AtomicBoolean();
    private final EventStore store;

    AppendCountingStore(EventStore target) {
        this.store = (EventStore) Proxy.newProxyInstance(EventStore.class.getClassLoader(),
                new Class<?>[] {EventStore.class}, (proxy, method, args) -> {
                    if (method.getName().equals("append")) {
                        appends.incrementAndGet();
                        if (down.get()) {
                            throw EventStoreUnavailableException.notWritten("the database is down",
                                    new IllegalStateException("down"));
                        }
                    }
                    try {
                        return method.invoke(target, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    EventStore store() {
        return store;
    }

    /** How many appends were asked for so far. */
    int appends() {
        return appends.get();
    }

    /** Fails every append from now on, writing nothing. */
    void failAppends() {
        down.set(true);
    }
}
