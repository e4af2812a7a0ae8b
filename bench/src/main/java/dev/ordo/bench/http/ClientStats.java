package dev.ordo.bench.http;

import java.io.IOException;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.HdrHistogram.Histogram;

/**
 * What one client saw in one scenario: the latency of each successful request and of each read-model wait, in
 * microseconds, recorded only while the run is measuring; and its errors, counted in warm-up too, since any error
 * makes a run invalid. Confined to its client's thread until the run has joined it.
 */
final class ClientStats {

    /** One request, sent and answered (or failed). */
    interface Request {
        MarketplaceApi.Response send() throws IOException, InterruptedException;
    }

    private final BooleanSupplier measuring;
    private final Histogram requests = new Histogram(3);
    private final Histogram readModel = new Histogram(3);
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

    void readModel(long nanos) {
        if (measuring.getAsBoolean()) {
            readModel.recordValue(nanos / 1_000);
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
    record Totals(Histogram requests, Histogram readModel, long errors, String firstError, double seconds,
                  Duration serverCpu, Duration driverCpu) {

        double requestsPerSecond() {
            return requests.getTotalCount() / seconds;
        }

        /** CPU milliseconds per successful request measured (not finite without any). */
        double cpuMillisPerRequest(Duration cpu) {
            return cpu.toNanos() / 1e6 / requests.getTotalCount();
        }

        static Totals of(Iterable<ClientStats> clients, double seconds, Duration serverCpu, Duration driverCpu) {
            Histogram requests = new Histogram(3);
            Histogram readModel = new Histogram(3);
            long errors = 0;
            String firstError = null;
            for (ClientStats client : clients) {
                requests.add(client.requests);
                readModel.add(client.readModel);
                errors += client.errors;
                firstError = firstError == null ? client.firstError : firstError;
            }
            return new Totals(requests, readModel, errors, firstError, seconds, serverCpu, driverCpu);
        }
    }
}
