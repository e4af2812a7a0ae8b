package dev.ordo.core.subscription;

import java.time.Duration;

/**
 * The pauses between retries of one failing thing: {@value #FIRST_MILLIS} ms (or the maximum, when smaller), then
 * twice the previous pause, up to the maximum; {@link #reset()} after a success. Confined to one thread.
 */
public final class Backoff {

    /** The first pause, unless the maximum is smaller. */
    public static final long FIRST_MILLIS = 100;

    private final Duration first;
    private final Duration max;
    private Duration next;

    /** Pauses that start at {@value #FIRST_MILLIS} ms (or {@code max}, when smaller) and double up to {@code max}. */
    public Backoff(Duration max) {
        Duration standard = Duration.ofMillis(FIRST_MILLIS);
        this.first = max.compareTo(standard) < 0 ? max : standard;
        this.max = max;
        this.next = first;
    }

    /** The pause before the next retry; each call doubles the following one, up to the maximum. */
    public Duration next() {
        Duration current = next;
        Duration doubled = next.multipliedBy(2);
        next = doubled.compareTo(max) > 0 ? max : doubled;
        return current;
    }

    /** Starts again from the first pause. */
    public void reset() {
        next = first;
    }
}
