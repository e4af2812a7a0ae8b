package dev.ordo.core.event;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Time-ordered event ids (UUID version 7, RFC 9562).
 *
 * <p>Ids from one JVM are strictly increasing, also within the same millisecond: the 12-bit {@code rand_a}
 * field is used as a counter (RFC 9562, method 1), and the millisecond is advanced when it overflows.
 * The remaining 62 bits are random, from {@link ThreadLocalRandom}: they tell apart ids that processes make in the
 * same millisecond, and an event id is an identifier, not a secret, so it does not take a cryptographic generator
 * (whose shared lock and system calls cost more than the rest of an append's bookkeeping). Thread-safe.
 */
public final class EventIds {

    private static final AtomicLong LAST = new AtomicLong();

    private EventIds() {
    }

    /** A new, time-ordered, version 7 UUID. */
    public static UUID next() {
        long now = System.currentTimeMillis() << 12;
        long stamp = LAST.updateAndGet(last -> Math.max(now, last + 1));
        long millis = stamp >>> 12;
        long counter = stamp & 0xFFFL;
        long msb = (millis << 16) | 0x7000L | counter;
        long lsb = (ThreadLocalRandom.current().nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb);
    }

    /** The Unix time in milliseconds encoded in a version 7 UUID. */
    public static long timestampOf(UUID id) {
        if (id.version() != 7) {
            throw new IllegalArgumentException("not a version 7 UUID: " + id);
        }
        return id.getMostSignificantBits() >>> 16;
    }
}
