package dev.ordo.core.store;

/**
 * Size limits every store enforces on appends, so one oversized request cannot hurt the others.
 *
 * @param maxPayloadBytes    the largest payload of one event, in UTF-8 bytes
 * @param maxEventsPerAppend the most events in one append
 */
public record StoreLimits(int maxPayloadBytes, int maxEventsPerAppend) {

    /** 1 MiB per payload, 10,000 events per append. */
    public static final StoreLimits DEFAULTS = new StoreLimits(1024 * 1024, 10_000);

    public StoreLimits {
        if (maxPayloadBytes < 1) {
            throw new IllegalArgumentException("maxPayloadBytes must be positive, was " + maxPayloadBytes);
        }
        if (maxEventsPerAppend < 1) {
            throw new IllegalArgumentException("maxEventsPerAppend must be positive, was " + maxEventsPerAppend);
        }
    }

    public static StoreLimits defaults() {
        return DEFAULTS;
    }

    public StoreLimits withMaxPayloadBytes(int value) {
        return new StoreLimits(value, maxEventsPerAppend);
    }

    public StoreLimits withMaxEventsPerAppend(int value) {
        return new StoreLimits(maxPayloadBytes, value);
    }
}
