package dev.ordo.bench.http;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.IntFunction;
import org.HdrHistogram.Histogram;

/**
 * HTTP commands against the marketplace on its embedded default (SQLite), with a load generator on loopback.
 * Starts the marketplace jar as a separate process (see {@link MarketplaceProcess}), then for each number of
 * clients runs, each for a warm-up and a measurement:
 * <ol>
 *   <li>the baseline: {@code GET /actuator/health/liveness}, the server's bare HTTP round trip;</li>
 *   <li>the commands: each client places its own orders with two items, adds an item and pays the exact total
 *       (see {@link OrderClient}), waiting for the read model after every {@code sampleEvery}-th command.</li>
 * </ol>
 * Prints two markdown tables: requests/s (successful requests over the measurement; a command is one request),
 * latency percentiles from before sending to the parsed response, errors (warm-up included; read-model polls
 * included), commands/s ÷ baseline requests/s, and the CPU time the server and the driver processes used per
 * request (on a shared machine the steadiest figure); then the command-to-read-model latency. A run with any error
 * is invalid: the tables are printed, then an {@link IllegalStateException} names the first error.
 *
 * <p>Arguments: {@code [marketplace.jar] [clients ...]} (default {@code marketplace/target/marketplace.jar 16 64}).
 * System properties: {@code bench.warmup} and {@code bench.seconds} per scenario (default 5 and 10),
 * {@code bench.sampleEvery} (default 10), {@code bench.appJvmArgs} (extra JVM flags for the marketplace, separated
 * by spaces, e.g. {@code -XX:StartFlightRecording=filename=/tmp/app.jfr}; default none).
 */
public final class HttpBench {

    private static final String DEFAULT_JAR = "marketplace/target/marketplace.jar";
    private static final String COMMANDS = "commands: place (2 items), add item, pay";
    private static final String BASELINE = "baseline: GET /" + LivenessClient.PATH;

    private final Path jar;
    private final List<Integer> clients;
    private final Duration warmup;
    private final Duration measurement;
    private final int sampleEvery;
    private final List<String> appJvmArgs;

    private HttpBench(Path jar, List<Integer> clients, Duration warmup, Duration measurement, int sampleEvery,
                      List<String> appJvmArgs) {
        this.jar = jar;
        this.clients = clients;
        this.warmup = warmup;
        this.measurement = measurement;
        this.sampleEvery = sampleEvery;
        this.appJvmArgs = appJvmArgs;
    }

    /**
     * Runs the benchmark with {@code args} as described above and returns the rows it printed.
     *
     * @throws IllegalStateException if the marketplace does not start, or the run saw errors
     */
    public static List<String> run(List<String> args) throws Exception {
        boolean jarGiven = !args.isEmpty() && !args.getFirst().matches("\\d+");
        Path jar = Path.of(jarGiven ? args.getFirst() : DEFAULT_JAR);
        List<Integer> clients = args.stream().skip(jarGiven ? 1 : 0).map(Integer::valueOf).toList();
        return new HttpBench(jar, clients.isEmpty() ? List.of(16, 64) : clients,
                seconds(System.getProperty("bench.warmup", "5")), seconds(System.getProperty("bench.seconds", "10")),
                Integer.getInteger("bench.sampleEvery", 10), appJvmArgs()).run();
    }

    /** The extra JVM flags for the marketplace from {@code bench.appJvmArgs}, separated by spaces. */
    static List<String> appJvmArgs() {
        String extra = System.getProperty("bench.appJvmArgs", "").strip();
        return extra.isEmpty() ? List.of() : Arrays.asList(extra.split("\\s+"));
    }

    private List<String> run() throws Exception {
        List<String> rows = new ArrayList<>();
        List<String> readModelRows = new ArrayList<>();
        List<ClientStats.Totals> all = new ArrayList<>();
        try (MarketplaceProcess app = MarketplaceProcess.start(jar, appJvmArgs,
                // the driver takes each order through its lifecycle itself
                List.of("--marketplace.fulfilment.enabled=false"))) {
            List<String> products;
            try (MarketplaceApi api = new MarketplaceApi(app.base())) {
                products = api.availableProducts();
            }
            System.out.printf(Locale.ROOT, "%s s warm-up + %s s measurement per scenario%n%n", seconds(warmup),
                    seconds(measurement));
            System.out.println("| scenario | clients | requests/s | p50 ms | p99 ms | p99.9 ms | max ms | errors "
                    + "| ÷ baseline | server CPU ms/req | driver CPU ms/req |");
            System.out.println("|---|---|---|---|---|---|---|---|---|---|---|");
            for (int n : clients) {
                ClientStats.Totals baseline = scenario(app, n, api -> c -> new LivenessClient(api));
                ClientStats.Totals commands = scenario(app, n,
                        api -> c -> new OrderClient(api, products, sampleEvery, 31L * n + c));
                all.addAll(List.of(baseline, commands));
                rows.add(print(row(BASELINE, n, baseline, "1.00")));
                rows.add(print(row(COMMANDS, n, commands, String.format(Locale.ROOT, "%.2f",
                        commands.requestsPerSecond() / baseline.requestsPerSecond()))));
                Histogram h = commands.waits();
                readModelRows.add(String.format(Locale.ROOT, "| %d | %,d | %s | %s | %s | %s |", n,
                        h.getTotalCount(), ms(h, 50), ms(h, 99), ms(h, 99.9), max(h)));
            }
        }
        System.out.printf(Locale.ROOT, "%nCommand to read model (one command in %d, until GET /orders/{id} shows "
                + "its version):%n%n", sampleEvery);
        System.out.println("| clients | samples | p50 ms | p99 ms | p99.9 ms | max ms |");
        System.out.println("|---|---|---|---|---|---|");
        readModelRows.forEach(row -> rows.add(print(row)));
        long errors = all.stream().mapToLong(ClientStats.Totals::errors).sum();
        if (errors > 0) {
            throw new IllegalStateException("invalid run: " + errors + " errors, the first: " + all.stream()
                    .map(ClientStats.Totals::firstError).filter(Objects::nonNull).findFirst().orElseThrow());
        }
        return rows;
    }

    /** Runs one scenario with clients that share one API (its connections live as long as the scenario). */
    private ClientStats.Totals scenario(MarketplaceProcess app, int n,
                                        Function<MarketplaceApi, IntFunction<LoadRun.Client>> clients)
            throws InterruptedException {
        try (MarketplaceApi api = new MarketplaceApi(app.base())) {
            return LoadRun.run(app, n, warmup, measurement, clients.apply(api));
        }
    }

    private static String row(String scenario, int clients, ClientStats.Totals totals, String ratio) {
        Histogram h = totals.requests();
        return String.format(Locale.ROOT, "| %s | %d | %,.0f | %s | %s | %s | %s | %d | %s | %.2f | %.2f |", scenario,
                clients, totals.requestsPerSecond(), ms(h, 50), ms(h, 99), ms(h, 99.9), max(h), totals.errors(), ratio,
                totals.cpuMillisPerRequest(totals.serverCpu()), totals.cpuMillisPerRequest(totals.driverCpu()));
    }

    private static String print(String row) {
        System.out.println(row);
        return row;
    }

    private static String ms(Histogram micros, double percentile) {
        return micros.getTotalCount() == 0 ? "–"
                : String.format(Locale.ROOT, "%.2f", micros.getValueAtPercentile(percentile) / 1000.0);
    }

    private static String max(Histogram micros) {
        return micros.getTotalCount() == 0 ? "–" : String.format(Locale.ROOT, "%.1f", micros.getMaxValue() / 1000.0);
    }

    private static Duration seconds(String value) {
        return Duration.ofMillis(Math.round(Double.parseDouble(value) * 1000));
    }

    private static String seconds(Duration duration) {
        return BigDecimal.valueOf(duration.toMillis(), 3).stripTrailingZeros().toPlainString();
    }
}
