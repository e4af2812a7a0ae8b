package dev.ordo.marketplace.crash;

import static org.awaitility.Awaitility.await;

import dev.ordo.test.faults.SeededFaults;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.awaitility.core.ConditionTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Injects a run's faults at seeded moments: each when the customers have taken a seeded number of placements
 * (somewhere between a tenth and nine tenths of the run). A kill is SIGKILL and a restart on the same data; an outage
 * takes the database away for a seeded few seconds while the marketplace keeps running, sampling its health the
 * whole time, and then waits for the health to be UP again. Runs on its own thread; {@link #injected()} is read after
 * it ended.
 */
final class FaultInjector implements Runnable {

    /** What the faults of a run are. */
    enum Kind {
        KILL, OUTAGE
    }

    /**
     * One fault as it happened.
     *
     * @param atPlacement the placements taken when it began
     * @param startedAt   {@link System#nanoTime()} when it began
     * @param endedAt     when the application or database was back (the application healthy again)
     * @param health      the health statuses seen while the database was away (empty for a kill)
     * @param healthyAgain whether the application's health was 200 again afterwards
     */
    record Injected(Kind kind, int atPlacement, long startedAt, long endedAt, List<Integer> health,
                    boolean healthyAgain) {

        /** True when the attempt was sent while the database was away. */
        boolean covers(Exchange.Attempt attempt) {
            return attempt.startedAt() - startedAt >= 0 && endedAt - attempt.startedAt() >= 0;
        }

        /** The health statuses seen while the database was away, {@code none} for no answer within 2 s. */
        String healthSeen() {
            return health.stream().map(status -> status < 0 ? "none" : String.valueOf(status)).toList().toString();
        }

        Duration duration() {
            return Duration.ofNanos(endedAt - startedAt);
        }
    }

    private static final Logger log = LoggerFactory.getLogger(FaultInjector.class);
    private static final Duration BACK_WITHIN = Duration.ofSeconds(90);
    private static final Duration HEALTH_ANSWER = Duration.ofSeconds(2);

    private final Kind kind;
    private final List<Integer> moments;
    private final List<Duration> outages;
    private final AtomicInteger placements;
    private final BooleanSupplier customersDone;
    private final MarketplaceJvm jvm;
    private final Store store;
    private final List<Injected> injected = new CopyOnWriteArrayList<>();
    private volatile Throwable failure;

    /**
     * @param count         how many faults to inject
     * @param orders        the run's placements in all
     * @param placements    the placements taken so far
     * @param customersDone true once every customer stopped (faults not yet injected then are left out)
     */
    FaultInjector(Kind kind, int count, SeededFaults faults, int orders, AtomicInteger placements,
                  BooleanSupplier customersDone, MarketplaceJvm jvm, Store store) {
        this.kind = kind;
        List<Integer> planned = new ArrayList<>();
        List<Duration> lengths = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            planned.add((int) faults.nextLong(Math.max(1, orders / 10), Math.max(2, orders * 9L / 10)));
            lengths.add(Duration.ofMillis(faults.nextLong(3_000, 6_000)));
        }
        planned.sort(Integer::compare);
        this.moments = List.copyOf(planned);
        this.outages = List.copyOf(lengths);
        this.placements = placements;
        this.customersDone = customersDone;
        this.jvm = jvm;
        this.store = store;
    }

    /** The placements after which each fault is injected. */
    List<Integer> moments() {
        return moments;
    }

    List<Injected> injected() {
        return List.copyOf(injected);
    }

    /** What stopped the injector before its plan was done, or {@code null}. */
    Throwable failure() {
        return failure;
    }

    @Override
    public void run() {
        try {
            for (int i = 0; i < moments.size(); i++) {
                int moment = moments.get(i);
                await().forever().pollInterval(Duration.ofMillis(20))
                        .until(() -> placements.get() >= moment || customersDone.getAsBoolean());
                if (customersDone.getAsBoolean()) {
                    log.warn("the customers finished before fault {} of {}", i + 1, moments.size());
                    return;
                }
                injected.add(kind == Kind.KILL ? kill() : outage(outages.get(i)));
            }
        } catch (RuntimeException | Error e) {
            failure = e;
            log.error("fault injection failed", e);
        }
    }

    private Injected kill() {
        int at = placements.get();
        long started = System.nanoTime();
        jvm.kill();
        jvm.start();
        log.info("kill at placement {}: the marketplace was back after {} ms", at,
                Duration.ofNanos(System.nanoTime() - started).toMillis());
        return new Injected(Kind.KILL, at, started, System.nanoTime(), List.of(), true);
    }

    /** The outage is held open (unreferenced) for its length; closing it gives the database back. */
    @SuppressWarnings("try")
    private Injected outage(Duration length) {
        int at = placements.get();
        List<Integer> health = new CopyOnWriteArrayList<>();
        long started = System.nanoTime();
        try (Store.Outage outage = store.takeAway()) {
            log.info("{}: the database is away for {} ms from placement {}", store.outageName(), length.toMillis(),
                    at);
            await().atMost(length.plusSeconds(30)).pollInterval(Duration.ofMillis(250)).until(() -> {
                health.add(jvm.healthStatus(HEALTH_ANSWER));
                return System.nanoTime() - started >= length.toNanos();
            });
        } catch (SQLException e) {
            throw new IllegalStateException("could not take the database away or give it back", e);
        }
        long back = System.nanoTime();
        boolean healthy = true;
        try {
            await().atMost(BACK_WITHIN).pollInterval(Duration.ofMillis(250)).until(() -> jvm.healthStatus() == 200);
        } catch (ConditionTimeoutException e) {
            healthy = false;
        }
        log.info("the database is back; health seen while away {}; healthy again {} after {} ms", health, healthy,
                Duration.ofNanos(System.nanoTime() - back).toMillis());
        return new Injected(Kind.OUTAGE, at, started, back, List.copyOf(health), healthy);
    }
}
