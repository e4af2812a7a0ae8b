package dev.ordo.bench.http;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import tools.jackson.databind.JsonNode;

/**
 * How long sampled orders took from their placing response to their finished fulfilment saga, read from the saga's
 * own history after the measurement, so that timing them costs the server nothing while it is measured: for each
 * {@link Sample}, waits (polling {@code GET /orders/{id}/fulfilment} every {@value #POLL_MILLIS} ms) until the saga is
 * {@code COMPLETED} or {@code COMPENSATED}, then takes the {@code recordedAt} of the last event of
 * {@code GET /sagas/{sagaId}/events} minus the wall-clock time the client had the placing response. The driver and
 * the marketplace run on the same machine, so they share one clock.
 */
final class SagaLatencies {

    static final long POLL_MILLIS = 50;
    private static final Duration SAGA_TIMEOUT = Duration.ofSeconds(120);
    private static final Set<String> FINISHED = Set.of("COMPLETED", "COMPENSATED");
    private static final Set<String> RUNNING = Set.of("RUNNING", "COMPENSATING");

    /** One timed order: its id and when the client had the placing response. */
    record Sample(String orderId, Instant placed) {
    }

    /** The latencies in microseconds, and the samples that could not be timed. */
    record Result(Histogram latencies, long errors, String firstError) {
    }

    private SagaLatencies() {
    }

    static Result of(MarketplaceApi api, Collection<Sample> samples) throws InterruptedException {
        Histogram latencies = new Histogram(3);
        long errors = 0;
        String firstError = null;
        for (Sample sample : samples) {
            try {
                Duration latency = latency(api, sample);
                if (latency.isNegative()) {
                    throw new IllegalStateException("order " + sample.orderId() + " finished before it was placed");
                }
                latencies.recordValue(latency.toNanos() / 1_000);
            } catch (IOException | IllegalStateException e) {
                errors++;
                firstError = firstError == null ? e.getMessage() : firstError;
            }
        }
        return new Result(latencies, errors, firstError);
    }

    private static Duration latency(MarketplaceApi api, Sample sample) throws IOException, InterruptedException {
        String path = "orders/" + sample.orderId() + "/fulfilment";
        long deadline = System.nanoTime() + SAGA_TIMEOUT.toNanos();
        while (true) {
            MarketplaceApi.Response saga = api.get(path);
            if (saga.ok()) {
                String status = saga.json().path("status").asString();
                if (FINISHED.contains(status)) {
                    JsonNode events = api.get("sagas/" + saga.json().path("sagaId").asString() + "/events").json();
                    return Duration.between(sample.placed(), Instant.parse(events.get(events.size() - 1)
                            .path("recordedAt").asString()));
                }
                if (!RUNNING.contains(status)) {
                    throw new IllegalStateException("GET /" + path + " -> saga " + status);
                }
            } else if (saga.status() != 404) {
                throw new IllegalStateException(saga.describe("GET /" + path));
            }
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException("GET /" + path + " did not finish within " + SAGA_TIMEOUT);
            }
            LockSupport.parkNanos(Duration.ofMillis(POLL_MILLIS).toNanos());
        }
    }
}
