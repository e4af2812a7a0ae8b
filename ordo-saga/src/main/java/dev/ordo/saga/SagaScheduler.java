package dev.ordo.saga;

import dev.ordo.core.saga.SagaIndex;
import dev.ordo.core.store.TransientFailures;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * When an engine drives its sagas: at once (start, reply, cancel, redrive, resume), when their wake-up time in the
 * {@link SagaIndex} is due (a timer polls it), and again after a pause when a drive failed for a transient reason
 * (the database went away): the pause grows with each consecutive transient failure of that saga's drives, and the
 * saga is driven again until the database is back, in this process, without waiting for a restart; a drive cut short
 * by an {@link Error} is tried again after a longer pause. At most one drive
 * of a saga is pending at a time, and at most a bounded number of drives run at once: the others wait their turn, in
 * the order they were asked for, without touching their sagas. So a process that resumes a backlog of sagas after a
 * crash finishes them a few at a time instead of starting every one and finishing none before the next crash (each
 * resumption of a step counts against the engine's resumption limit). After {@link #stop()} nothing is scheduled any
 * more. Thread-safe.
 */
final class SagaScheduler {

    private static final Logger log = LoggerFactory.getLogger(SagaScheduler.class);
    private static final long ERROR_PAUSE_SECONDS = 1;

    private final ExecutorService executor;
    private final SagaIndex index;
    private final Clock clock;
    private final Backoff backoff;
    private final Consumer<UUID> drive;
    private final Semaphore drives;
    private final Map<UUID, Boolean> pending = new ConcurrentHashMap<>();
    private final Map<UUID, Integer> transientFailures = new ConcurrentHashMap<>();
    private final Map<UUID, Integer> errors = new ConcurrentHashMap<>();
    private final Set<UUID> drivenHere = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService retries;
    private final Thread timer;
    private volatile boolean running = true;

    SagaScheduler(ExecutorService executor, SagaIndex index, Clock clock, Duration poll, Backoff backoff,
                  int maxConcurrentDrives, Consumer<UUID> drive) {
        this.executor = executor;
        this.drives = new Semaphore(maxConcurrentDrives, true);
        this.index = index;
        this.clock = clock;
        this.backoff = backoff;
        this.drive = drive;
        ScheduledThreadPoolExecutor delayed = new ScheduledThreadPoolExecutor(1,
                Thread.ofVirtual().name("ordo-saga-retries").factory());
        delayed.setRemoveOnCancelPolicy(true);
        this.retries = delayed;
        this.timer = Thread.ofVirtual().name("ordo-saga-timer").start(() -> wakeDueSagas(poll));
    }

    /**
     * Drives the saga in the background as soon as a drive is free (once, however often it is asked before its drive
     * begins).
     */
    void now(UUID sagaId) {
        if (!running || pending.putIfAbsent(sagaId, Boolean.TRUE) != null) {
            return;
        }
        try {
            executor.submit(() -> driveInTurn(sagaId));
        } catch (RejectedExecutionException stopped) {
            pending.remove(sagaId);
        }
    }

    private void driveInTurn(UUID sagaId) {
        try {
            drives.acquire();
        } catch (InterruptedException stopping) {
            pending.remove(sagaId);
            return;
        }
        try {
            pending.remove(sagaId);
            if (running) {
                drive.accept(sagaId);
            }
        } finally {
            drives.release();
        }
    }

    /**
     * Drives the saga at {@code when} (at once if that passed), in this process only: a restart drives every
     * unfinished saga anyway ({@link #resumeUnfinished}).
     */
    void at(UUID sagaId, Instant when) {
        long millis = Duration.between(clock.instant(), when).toMillis();
        if (millis <= 0) {
            now(sagaId);
            return;
        }
        if (!running) {
            return;
        }
        try {
            retries.schedule(() -> now(sagaId), millis, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopped) {
            log.debug("not driving saga {} later: the engine is stopping", sagaId);
        }
    }

    /**
     * The saga's drive failed for a transient reason: drives it again after a pause that grows with each consecutive
     * transient failure of its drives.
     */
    void afterTransientFailure(UUID sagaId, RuntimeException failure) {
        int failures = transientFailures.merge(sagaId, 1, Integer::sum);
        Duration pause = backoff.after(failures);
        if (failures == 1 || failures % 10 == 0) {
            log.warn("driving saga {} failed for a transient reason ({} in a row: {}); trying again in {} ms",
                    sagaId, failures, failure.toString(), pause.toMillis());
        }
        if (!running) {
            return;
        }
        try {
            retries.schedule(() -> now(sagaId), pause.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopped) {
            log.debug("not retrying saga {}: the engine is stopping", sagaId);
        }
    }

    /**
     * The saga's drive was cut short by an {@link Error} (nothing was recorded for the step that ran, as if the process
     * had died there): drives it again after a pause, as a restarted process would, from {@value #ERROR_PAUSE_SECONDS}
     * s doubling with each consecutive one up to about a minute. The cut attempt is then resumed and counts against
     * the engine's resumption limit, so an Error that keeps coming ends with the step's outcome given up as unknown.
     */
    void afterError(UUID sagaId) {
        int count = errors.merge(sagaId, 1, Integer::sum);
        long pauseSeconds = ERROR_PAUSE_SECONDS << Math.min(count - 1, 6);
        if (!running) {
            return;
        }
        try {
            retries.schedule(() -> now(sagaId), pauseSeconds, TimeUnit.SECONDS);
        } catch (RejectedExecutionException stopped) {
            log.debug("not driving saga {} again: the engine is stopping", sagaId);
        }
    }

    /** The saga's drive went through: the next transient failure starts the backoff again from the shortest pause. */
    void recovered(UUID sagaId) {
        errors.remove(sagaId);
        if (transientFailures.remove(sagaId) != null) {
            log.info("saga {} is driven again after transient failures", sagaId);
        }
    }

    /**
     * Drives every saga the index lists as unfinished, in the background. When the index cannot be read for a
     * transient reason it keeps trying in the background with backoff until it can or the scheduler stops.
     *
     * @return how many sagas it scheduled now (0 when the index could not be read yet)
     */
    int resumeUnfinished() {
        try {
            return resumeNow();
        } catch (RuntimeException e) {
            if (!TransientFailures.isTransient(e)) {
                throw e;
            }
            log.warn("cannot list the unfinished sagas yet ({}); trying again in the background", e.toString());
            Thread.ofVirtual().name("ordo-saga-resume").start(this::resumeWhenReachable);
            return 0;
        }
    }

    private int resumeNow() {
        List<UUID> unfinished = index.unfinished(100_000);
        unfinished.forEach(this::now);
        if (!unfinished.isEmpty()) {
            log.info("resuming {} unfinished sagas", unfinished.size());
        }
        return unfinished.size();
    }

    private void resumeWhenReachable() {
        for (int failures = 1; running; failures++) {
            try {
                TimeUnit.MILLISECONDS.sleep(backoff.after(failures).toMillis());
                resumeNow();
                return;
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                log.debug("still cannot list the unfinished sagas: {}", e.toString());
            }
        }
    }

    /**
     * True for the first drive of a saga in this engine, and only once, whatever started it ({@link #resumeUnfinished},
     * the timer of a deadline that passed while no engine ran, a reply): what the process before handed to a transport
     * may have died with it. Sagas are remembered until they finish ({@link #finished}).
     */
    boolean firstDriveAfterStart(UUID sagaId) {
        return drivenHere.add(sagaId);
    }

    /** Forgets a saga that finished. */
    void finished(UUID sagaId) {
        drivenHere.remove(sagaId);
    }

    /** True when the saga's last drive failed for a transient reason (and none went through since). */
    boolean recovering(UUID sagaId) {
        return transientFailures.containsKey(sagaId);
    }

    /** Stops the timer and drops pending retries; drives under way run on, those waiting for their turn never begin. */
    void stop() {
        running = false;
        timer.interrupt();
        retries.shutdownNow();
    }

    private void wakeDueSagas(Duration poll) {
        while (running) {
            try {
                index.due(clock.instant(), 1_000).forEach(this::now);
                TimeUnit.MILLISECONDS.sleep(poll.toMillis());
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                log.warn("looking for sagas whose deadline passed failed; trying again", e);
                try {
                    TimeUnit.MILLISECONDS.sleep(poll.toMillis());
                } catch (InterruptedException stopped) {
                    return;
                }
            }
        }
    }
}
