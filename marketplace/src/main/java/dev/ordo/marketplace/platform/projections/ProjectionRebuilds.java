package dev.ordo.marketplace.platform.projections;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The rebuilds asked for over HTTP, the last one per projection, kept in memory for this process's lifetime so that
 * an operator can see one running and how it ended. At most one runs per projection. Thread-safe.
 */
final class ProjectionRebuilds {

    /**
     * One rebuild.
     *
     * @param finishedAt when it ended, {@code null} while it runs
     * @param error      why it failed (the old read model then stays live), {@code null} otherwise
     */
    record Rebuild(State state, Instant startedAt, Instant finishedAt, String error) {

        /** Where a rebuild is. */
        enum State { RUNNING, SUCCEEDED, FAILED }
    }

    private final Map<String, Rebuild> last = new ConcurrentHashMap<>();
    private final Clock clock;

    ProjectionRebuilds(Clock clock) {
        this.clock = clock;
    }

    /**
     * Starts a rebuild of the projection with {@code launch} unless one asked for here is still running.
     *
     * @param launch starts the rebuild and returns what completes when it has ended
     * @return the rebuild as it is right after it started
     * @throws ProjectionRuleViolation when a rebuild of that projection asked for here is running
     * @throws RuntimeException        what {@code launch} threw; nothing is recorded then
     */
    synchronized Rebuild start(String name, Supplier<CompletableFuture<Void>> launch) {
        if (running(name)) {
            throw ProjectionRuleViolation.rebuildRunning(name);
        }
        Rebuild started = new Rebuild(Rebuild.State.RUNNING, clock.instant(), null, null);
        CompletableFuture<Void> done = launch.get();
        last.put(name, started);
        done.whenComplete((ignored, failure) -> last.replace(name, started, finished(started, failure)));
        return last.get(name);
    }

    /** Whether a rebuild of that projection asked for here is running. */
    boolean running(String name) {
        return last(name).map(rebuild -> rebuild.state() == Rebuild.State.RUNNING).orElse(false);
    }

    /** The last rebuild of that projection asked for here, if any. */
    Optional<Rebuild> last(String name) {
        return Optional.ofNullable(last.get(name));
    }

    private Rebuild finished(Rebuild started, Throwable failure) {
        if (failure == null) {
            return new Rebuild(Rebuild.State.SUCCEEDED, started.startedAt(), clock.instant(), null);
        }
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause()
                : failure;
        return new Rebuild(Rebuild.State.FAILED, started.startedAt(), clock.instant(), cause.toString());
    }
}
