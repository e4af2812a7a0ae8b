package dev.ordo.kafka;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** One holder per key among the leases of this JVM. */
final class InProcessLease implements RelayLease {

    private static final ConcurrentMap<String, InProcessLease> HOLDERS = new ConcurrentHashMap<>();

    private final String key;

    InProcessLease(String key) {
        this.key = key;
    }

    @Override
    public boolean tryAcquire() {
        InProcessLease holder = HOLDERS.putIfAbsent(key, this);
        return holder == null || holder == this;
    }

    @Override
    public boolean isHeld() {
        return HOLDERS.get(key) == this;
    }

    @Override
    public void release() {
        HOLDERS.remove(key, this);
    }

    @Override
    public String toString() {
        return "in-process lease " + key;
    }
}
