package dev.ordo.saga;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The step actions an engine gave up waiting for (an attempt that timed out is only interrupted, and a participant
 * call already on its way may still land), by invocation id, until they stop. Before compensating a step, the engine
 * waits here for its abandoned action to stop, so that the compensation undoes what the action did even when it
 * landed late; the wait is bounded, and past the bound the participant's fence (the compensation leaves a tombstone
 * for the id) must refuse the late action. Thread-safe.
 */
final class AbandonedActions {

    private final ConcurrentMap<String, CompletableFuture<Void>> running = new ConcurrentHashMap<>();

    /** Remembers that the action of this invocation was abandoned, until {@code stopped} completes. */
    void abandoned(String invocationId, CompletableFuture<Void> stopped) {
        running.put(invocationId, stopped);
        stopped.whenComplete((ignored, failure) -> running.remove(invocationId, stopped));
    }

    /**
     * Waits up to {@code bound} for the abandoned action of this invocation, if any, to stop.
     *
     * @return true when no abandoned action of this invocation runs (any more), false when one still runs
     */
    boolean awaitStopped(String invocationId, Duration bound) throws InterruptedException {
        CompletableFuture<Void> stopped = running.get(invocationId);
        if (stopped == null) {
            return true;
        }
        try {
            stopped.get(bound.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            return true;
        }
    }

    /** How many abandoned actions still run. */
    int size() {
        return running.size();
    }
}
