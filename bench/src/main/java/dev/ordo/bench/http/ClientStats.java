package dev.ordo.bench.http;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import org.HdrHistogram.Histogram;

/**
 * What one client saw in one scenario: the latency of each successful request and of each wait (for a read model,
 * or for a saga to finish), in microseconds, and how many times each outcome occurred, all recorded only while the
 * run is measuring; and its errors, counted in warm-up too, since any error makes a run invalid. Confined to its
 * client's thread until the run has joined it.
 */
final class ClientStats {

    /** One request, sent and answered (or failed). */
    interface Request {
        MarketplaceApi.Response send() throws IOException, InterruptedException;
    }

    private final BooleanSupplier measuring;
    private final Histogram requests = new Histogram(3);
    private final Histogram waits = new Histogram(3);
    private final Map<String, Long> outcomes = new TreeMap<>();
    private long errors;
    private String firstError;

    ClientStats(BooleanSupplier measuring) {
        this.measuring = measuring;
    }

    /**
     * Sends {@code request} and records it: its latency, from before sending to the parsed response, if it
     * answered 2xx; an error otherwise (a non-2xx status or an I/O failure).
     *
     * @return the 2xx response, or null after an error
     */
    MarketplaceApi.Response timed(String description, Request request) throws InterruptedException {
        long start = System.nanoTime();
        try {
            MarketplaceApi.Response response = request.send();
            if (!response.ok()) {
                error(response.describe(description));
                return null;
            }
            if (measuring.getAsBoolean()) {
                requests.recordValue((System.nanoTime() - start) / 1_000);
            }
            return response;
        } catch (IOException e) {
            error(description + " -> " + e);
            return null;
        }
    }

    /** Whether the run is measuring now. */
    boolean measuring() {
        return measuring.getAsBoolean();
    }

    /** Records a wait of {@code nanos}: from a command's response until its effect could be read. */
    void waited(long nanos) {
        if (measuring.getAsBoolean()) {
            waits.recordValue(nanos / 1_000);
        }
    }

    /** Counts one occurrence of {@code outcome} (for example how a saga ended). */
    void outcome(String outcome) {
        if (measuring.getAsBoolean()) {
            outcomes.merge(outcome, 1L, Long::sum);
        }
    }

    void error(String description) {
        if (errors++ == 0) {
            firstError = description;
        }
    }

    /**
     * Everything the clients of one scenario saw over {@code seconds} of measurement, and the CPU time the server
     * and the driver used meanwhile.
     */
    record Totals(Histogram requests, Histogram waits, Map<String, Long> outcomes, long errors, String firstError,
                  double seconds, Duration serverCpu, Duration driverCpu) {

        double requestsPerSecond() {
            return requests.getTotalCount() / seconds;
        }

        /** CPU milliseconds per successful request measured (not finite without any). */
        double cpuMillisPerRequest(Duration cpu) {
            return cpu.toNanos() / 1e6 / requests.getTotalCount();
        }

        static Totals of(Iterable<ClientStats> clients, double seconds, Duration serverCpu, Duration driverCpu) {
            Histogram requests = new Histogram(3);
            Histogram waits = new Histogram(3);
            Map<String, Long> outcomes = new TreeMap<>();
            long errors = 0;
            String firstError = null;
            for (ClientStats client : clients) {
                requests.add(client.requests);
                waits.add(client.waits);
                client.outcomes.forEach((outcome, count) -> outcomes.merge(outcome, count, Long::sum));
                errors += client.errors;
                firstError = firstError == null ? client.firstError : firstError;
            }
            return new Totals(requests, waits, outcomes, errors, firstError, seconds, serverCpu, driverCpu);
        }
    }
}
