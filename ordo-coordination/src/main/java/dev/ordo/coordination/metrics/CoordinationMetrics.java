package dev.ordo.coordination.metrics;

import dev.ordo.coordination.event.CoordinationEvent;
import dev.ordo.coordination.event.CoordinationListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Per-operation metrics, derived from lifecycle events: subscribe it to the coordinators to measure
 * ({@code coordinator.eventPublisher().subscribe("metrics", metrics)}); one instance may listen to several.
 *
 * <p>With a {@link MeterRegistry} it records:
 * <ul>
 *   <li>{@value #RUNS}: a counter of ended runs, tags {@code operation} and {@code outcome} ({@code success},
 *       or {@code failure}); the success rate is {@code success / sum over outcomes};</li>
 *   <li>{@value #DURATION}: a timer of run durations with a percentile histogram, tag {@code operation};</li>
 *   <li>{@value #STEP_DURATION}: a timer of step durations (completed or failed) with a percentile histogram, tags
 *       {@code operation} and {@code step}.</li>
 * </ul>
 * It always keeps {@link OperationStats} in memory, for a health check or a page. Thread-safe.
 */
public final class CoordinationMetrics implements CoordinationListener {

    /** The counter of ended runs. */
    public static final String RUNS = "ordo.coordination.runs";
    /** The timer of run durations. */
    public static final String DURATION = "ordo.coordination.duration";
    /** The timer of step durations. */
    public static final String STEP_DURATION = "ordo.coordination.step.duration";

    /** How a run ended, as the {@code outcome} tag says it. */
    private enum Outcome {
        SUCCESS, FAILURE;

        String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private record StepKey(String operation, String step) {
    }

    private record RunKey(String operation, Outcome outcome) {
    }

    private final MeterRegistry registry;
    private final ConcurrentMap<String, Tally> tallies = new ConcurrentHashMap<>();
    private final ConcurrentMap<RunKey, Counter> runCounters = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Timer> runTimers = new ConcurrentHashMap<>();
    private final ConcurrentMap<StepKey, Timer> stepTimers = new ConcurrentHashMap<>();

    private CoordinationMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Metrics kept in memory only. */
    public static CoordinationMetrics inMemory() {
        return new CoordinationMetrics(null);
    }

    /** Metrics kept in memory and recorded in the given registry. */
    public static CoordinationMetrics of(MeterRegistry registry) {
        return new CoordinationMetrics(Objects.requireNonNull(registry, "registry"));
    }

    @Override
    public void on(CoordinationEvent event) {
        switch (event) {
            case CoordinationEvent.Completed completed -> runEnded(completed.operation(), Outcome.SUCCESS,
                    completed.duration());
            case CoordinationEvent.Failed failed -> runEnded(failed.operation(), Outcome.FAILURE, failed.duration());
            case CoordinationEvent.StepCompleted step -> stepEnded(step.operation(), step.step(), step.duration());
            case CoordinationEvent.StepFailed step -> stepEnded(step.operation(), step.step(), step.duration());
            case CoordinationEvent.Started e -> {
            }
            case CoordinationEvent.StepStarted e -> {
            }
            case CoordinationEvent.Compensating e -> {
            }
            case CoordinationEvent.Compensated e -> {
            }
            case CoordinationEvent.CompensationFailed e -> {
            }
        }
    }

    /** The runs of the operation so far; all zero when it never ran. */
    public OperationStats stats(String operation) {
        Tally tally = tallies.get(Objects.requireNonNull(operation, "operation"));
        return tally == null ? OperationStats.none(operation) : tally.snapshot(operation);
    }

    /** The stats of every operation that ran, by name. */
    public List<OperationStats> stats() {
        return tallies.entrySet().stream()
                .map(entry -> entry.getValue().snapshot(entry.getKey()))
                .sorted(Comparator.comparing(OperationStats::operation))
                .toList();
    }

    private void runEnded(String operation, Outcome outcome, Duration duration) {
        tallies.computeIfAbsent(operation, o -> new Tally()).add(outcome, duration);
        if (registry != null) {
            runCounters.computeIfAbsent(new RunKey(operation, outcome), key -> Counter.builder(RUNS)
                    .description("coordinated runs that ended, by outcome")
                    .tag("operation", operation)
                    .tag("outcome", outcome.tag())
                    .register(registry)).increment();
            runTimers.computeIfAbsent(operation, o -> Timer.builder(DURATION)
                    .description("how long coordinated runs took")
                    .tag("operation", operation)
                    .publishPercentileHistogram()
                    .register(registry)).record(duration);
        }
    }

    private void stepEnded(String operation, String step, Duration duration) {
        if (registry != null) {
            stepTimers.computeIfAbsent(new StepKey(operation, step), key -> Timer.builder(STEP_DURATION)
                    .description("how long the steps of coordinated runs took")
                    .tag("operation", operation)
                    .tag("step", step)
                    .publishPercentileHistogram()
                    .register(registry)).record(duration);
        }
    }

    /** The counts of one operation, changed and read under a lock so a snapshot is consistent. */
    private static final class Tally {

        private final ReentrantLock lock = new ReentrantLock();
        private long successes;
        private long failures;
        private Duration total = Duration.ZERO;
        private Duration max = Duration.ZERO;

        void add(Outcome outcome, Duration duration) {
            lock.lock();
            try {
                switch (outcome) {
                    case SUCCESS -> successes++;
                    case FAILURE -> failures++;
                }
                total = total.plus(duration);
                if (duration.compareTo(max) > 0) {
                    max = duration;
                }
            } finally {
                lock.unlock();
            }
        }

        OperationStats snapshot(String operation) {
            lock.lock();
            try {
                return new OperationStats(operation, successes, failures, total, max);
            } finally {
                lock.unlock();
            }
        }
    }
}
