package dev.ordo.bench.http;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.locks.LockSupport;

/**
 * Counts the fulfilment sagas the marketplace finishes, from its own Micrometer counter {@code ordo.sagas}
 * ({@code GET /actuator/metrics/ordo.sagas?tag=type:order-fulfilment&tag=event:...}), every {@value #EVERY_MILLIS}
 * ms: each saga completed or compensated since the last look is recorded as an outcome and gives a permit back to the
 * clients' window. A parked saga, or a counter that cannot be read, is an error. Run as one more client of the load
 * run, so its outcomes count only while the run measures. Not thread-safe: one instance, on one thread.
 */
final class SagaMonitor implements LoadRun.Client {

    static final long EVERY_MILLIS = 50;
    private static final String COUNTER = "actuator/metrics/ordo.sagas?tag=type:order-fulfilment&tag=event:";

    private final MarketplaceApi api;
    private final Semaphore window;
    private long completed = -1;
    private long compensated = -1;

    SagaMonitor(MarketplaceApi api, Semaphore window) {
        this.api = api;
        this.window = window;
    }

    @Override
    public void step(ClientStats stats) throws InterruptedException {
        LockSupport.parkNanos(Duration.ofMillis(EVERY_MILLIS).toNanos());
        long nowCompleted = count(stats, "completed");
        long nowCompensated = count(stats, "compensated");
        if (nowCompleted < 0 || nowCompensated < 0) {
            return;
        }
        if (count(stats, "parked") > 0) {
            stats.error("a fulfilment saga was parked: see GET /sagas/parked");
        }
        if (completed >= 0) {
            record(stats, "COMPLETED", nowCompleted - completed);
            record(stats, "COMPENSATED", nowCompensated - compensated);
        }
        completed = nowCompleted;
        compensated = nowCompensated;
    }

    private void record(ClientStats stats, String outcome, long finished) {
        for (long i = 0; i < finished; i++) {
            stats.outcome(outcome);
        }
        window.release((int) finished);
    }

    /**
     * The fulfilment sagas completed or compensated since the marketplace started.
     *
     * @throws IOException when a counter cannot be read
     */
    static long finished(MarketplaceApi api) throws IOException, InterruptedException {
        long finished = 0;
        for (String event : new String[] {"completed", "compensated"}) {
            MarketplaceApi.Response response = api.get(COUNTER + event);
            if (response.ok()) {
                finished += Math.round(response.json().path("measurements").path(0).path("value").asDouble());
            } else if (response.status() != 404) {
                throw new IOException(response.describe("GET /" + COUNTER + event));
            }
        }
        return finished;
    }

    /** The counter's value, 0 before the first such saga, -1 (after recording an error) when it cannot be read. */
    private long count(ClientStats stats, String event) throws InterruptedException {
        try {
            MarketplaceApi.Response response = api.get(COUNTER + event);
            if (response.status() == 404) {
                return 0;
            }
            if (!response.ok()) {
                stats.error(response.describe("GET /" + COUNTER + event));
                return -1;
            }
            return Math.round(response.json().path("measurements").path(0).path("value").asDouble());
        } catch (IOException e) {
            stats.error("GET /" + COUNTER + event + " -> " + e);
            return -1;
        }
    }
}
