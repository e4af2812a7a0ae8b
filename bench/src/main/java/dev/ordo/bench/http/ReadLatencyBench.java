package dev.ordo.bench.http;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.HdrHistogram.Histogram;

/**
 * The command-to-read-model latency through Kafka in a running cluster ({@code ./cluster start}): registers and stocks
 * 20 products, then {@code bench.clients} customers (default 2) place orders one after the other, each waiting until
 * the notifications service shows it (see {@link ReadModelLatencyClient}), for {@code bench.warmup} and
 * {@code bench.seconds} (default 60 and 30). Prints the orders per second and the latency's p50, p99, p99.9 and max,
 * and the cluster's CPU per order (its sagas included). A run with any error is invalid.
 *
 * <p>System properties: {@code bench.cluster} (the cluster's data folder, default {@code data/cluster}), and the above.
 */
public final class ReadLatencyBench {

    private ReadLatencyBench() {
    }

    /** Runs the bench as described above and returns the row it printed. */
    public static List<String> run() throws Exception {
        int clients = Integer.getInteger("bench.clients", 2);
        Duration warmup = Duration.ofSeconds(Long.getLong("bench.warmup", 60));
        Duration measurement = Duration.ofSeconds(Long.getLong("bench.seconds", 30));
        try (ClusterDeployment app = ClusterDeployment.attach(Path.of(System.getProperty("bench.cluster",
                "data/cluster")))) {
            List<String> products = FulfilmentBench.stockedProducts(app, 20);
            ClientStats.Totals totals;
            try (MarketplaceApi api = new MarketplaceApi(app.base())) {
                totals = LoadRun.run(app, clients, warmup, measurement, c -> new ReadModelLatencyClient(api, products,
                        7 * c));
            }
            if (totals.errors() > 0) {
                throw new IllegalStateException("invalid run: " + totals.errors() + " errors, the first: "
                        + totals.firstError());
            }
            Histogram waits = totals.waits();
            System.out.println("| customers | orders/s | p50 ms | p99 ms | p99.9 ms | max ms | cluster CPU per order |");
            System.out.println("|---|---|---|---|---|---|---|");
            String row = String.format(Locale.ROOT, "| %d | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f ms |", clients,
                    totals.requestsPerSecond(), waits.getValueAtPercentile(50) / 1000.0,
                    waits.getValueAtPercentile(99) / 1000.0, waits.getValueAtPercentile(99.9) / 1000.0,
                    waits.getMaxValue() / 1000.0, totals.cpuMillisPerRequest(totals.serverCpu()));
            System.out.println(row);
            return List.of(row);
        }
    }
}
