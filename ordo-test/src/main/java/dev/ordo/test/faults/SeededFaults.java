package dev.ordo.test.faults;

import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A seeded source of randomness for fault schedules, so a failing run replays exactly: the seed comes from the system
 * property {@code ordo.faults.seed} when set, otherwise it is drawn at random, and it is logged (and printed in the
 * {@link #toString()} that assertion messages should include). Synchronized: one schedule may be consulted from
 * several threads, at the price of replaying exactly only when the calls come in the same order.
 */
public final class SeededFaults {

    private static final Logger log = LoggerFactory.getLogger(SeededFaults.class);

    private final long seed;
    private final Random random;

    private SeededFaults(long seed) {
        this.seed = seed;
        this.random = new Random(seed);
    }

    /** A schedule seeded from {@code -Dordo.faults.seed=N}, or at random; the seed is logged either way. */
    public static SeededFaults fromSystemPropertyOrRandom(String testName) {
        String fixed = System.getProperty("ordo.faults.seed");
        long seed = fixed != null ? Long.parseLong(fixed) : ThreadLocalRandom.current().nextLong();
        log.info("{}: fault schedule seed {} (replay with -Dordo.faults.seed={})", testName, seed, seed);
        return new SeededFaults(seed);
    }

    public static SeededFaults of(long seed) {
        return new SeededFaults(seed);
    }

    public long seed() {
        return seed;
    }

    /** True with the given probability. */
    public synchronized boolean chance(double probability) {
        return random.nextDouble() < probability;
    }

    /** A number from 0 (inclusive) to {@code bound} (exclusive). */
    public synchronized int nextInt(int bound) {
        return random.nextInt(bound);
    }

    /** A number from {@code origin} (inclusive) to {@code bound} (exclusive). */
    public synchronized long nextLong(long origin, long bound) {
        return random.nextLong(origin, bound);
    }

    /** One of the values, uniformly. */
    @SafeVarargs
    public final synchronized <T> T pick(T... values) {
        return values[random.nextInt(values.length)];
    }

    @Override
    public String toString() {
        return "seed " + seed + " (replay with -Dordo.faults.seed=" + seed + ")";
    }
}
