package dev.ordo.bench.http;

import dev.ordo.test.postgres.PostgresDatabase;
import dev.ordo.test.postgres.PostgresHarness;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.function.Function;
import java.util.function.IntFunction;
import org.HdrHistogram.Histogram;

/**
 * The marketplace's order fulfilment end to end over HTTP: orders placed with {@code POST /orders}, each taken by the
 * fulfilment saga through the command bus, inventory, the fake payment provider (zero latency, a given share of
 * payments declined), shipping, the order's own commands and the notifications. Each order takes two of the products
 * the run registers ({@code bench.products=1}: every order takes the one product, so every reservation queues on one
 * stock stream).
 *
 * <p>For each backend ({@code sqlite}, the embedded default; {@code postgres}, a fresh database on the harness's
 * server; {@code cluster}, the services of {@code ./cluster start} already running, see {@link ClusterDeployment})
 * and each decline rate, starts the marketplace jar afresh (see {@link MarketplaceProcess}; the cluster is used as it
 * runs: its fake payments answer in 20 ms and decline nothing) with
 * {@code --marketplace.payments.latency=0ms --marketplace.payments.decline-rate=RATE}, registers the products and
 * delivers 900,000 units of each (so no order runs out), places one order of each (each request again until taken:
 * the cluster's services learn of the products from Kafka), then runs, each for a warm-up and a measurement: the baseline
 * {@code GET /actuator/health/liveness}, and the fulfilment, where the clients keep at most {@code inFlight} sagas
 * running (see {@link FulfilmentClient}) and a {@link SagaMonitor} counts the sagas finished from the marketplace's
 * own {@code ordo.sagas} counter. Prints one markdown row per scenario: sagas finished per second (completed or
 * compensated during the measurement), how they ended, the time from the placing response to the finished saga for
 * a sample of orders placed during the measurement (read from the sagas' histories afterwards, see
 * {@link SagaLatencies}), errors, the ratio to the baseline's requests/s, and the server's CPU per finished saga
 * (placing, the saga, the read models, the monitor's counter reads), and on SQLite the store's bytes per finished saga
 * (the pages in use after the run, write-ahead log included, ÷ every saga finished since the start, warm-up included;
 * sagas still running count in the bytes but not in the sagas, so the figure errs high). A run with any error is invalid.
 *
 * <p>Arguments: {@code [marketplace.jar] [sqlite|postgres ...]} (default {@code marketplace/target/marketplace.jar
 * sqlite postgres}). System properties: {@code bench.warmup} and {@code bench.seconds} per scenario (default 30 and
 * 15), {@code bench.clients} placing orders (default 16), {@code bench.inFlight} (default 256),
 * {@code bench.sampleEvery} (default 20), {@code bench.products} (default 100), {@code bench.declineRates}
 * (comma-separated, default {@code 0,0.1}), {@code bench.appJvmArgs} (as for {@link HttpBench}).
 */
public final class FulfilmentBench {

    private static final String DEFAULT_JAR = "marketplace/target/marketplace.jar";
    private static final int DELIVERY = 900_000;

    private final Path jar;
    private final Duration warmup;
    private final Duration measurement;
    private final int clients;
    private final int inFlight;
    private final int sampleEvery;
    private final int productCount;
    private final List<String> appJvmArgs;

    private FulfilmentBench(Path jar, Duration warmup, Duration measurement, int clients, int inFlight,
                            int sampleEvery, int productCount, List<String> appJvmArgs) {
        this.jar = jar;
        this.inFlight = inFlight;
        this.sampleEvery = sampleEvery;
        this.productCount = productCount;
        this.appJvmArgs = appJvmArgs;
        this.warmup = warmup;
        this.measurement = measurement;
        this.clients = clients;
    }

    /**
     * Runs the benchmark with {@code args} as described above and returns the rows it printed.
     *
     * @throws IllegalStateException if the marketplace does not start, or a run saw errors
     */
    public static List<String> run(List<String> args) throws Exception {
        boolean jarGiven = !args.isEmpty() && args.getFirst().endsWith(".jar");
        Path jar = Path.of(jarGiven ? args.getFirst() : DEFAULT_JAR);
        List<String> backends = args.stream().skip(jarGiven ? 1 : 0).toList();
        List<Double> rates = Arrays.stream(System.getProperty("bench.declineRates", "0,0.1").split(","))
                .map(String::strip).map(Double::valueOf).toList();
        FulfilmentBench bench = new FulfilmentBench(jar, seconds(System.getProperty("bench.warmup", "30")),
                seconds(System.getProperty("bench.seconds", "15")), Integer.getInteger("bench.clients", 16),
                Integer.getInteger("bench.inFlight", 256), Integer.getInteger("bench.sampleEvery", 20),
                Integer.getInteger("bench.products", 100), HttpBench.appJvmArgs());
        System.out.printf(Locale.ROOT, "%s s warm-up + %s s measurement per scenario, %d clients, at most %d sagas in "
                        + "flight, %d products, one order in %d timed%n%n", bench.warmup.toMillis() / 1000.0,
                bench.measurement.toMillis() / 1000.0, bench.clients, bench.inFlight, bench.productCount,
                bench.sampleEvery);
        System.out.println("| backend | declined | scenario | per second | completed | compensated | p50 ms | p99 ms "
                + "| max ms | errors | ÷ baseline | server CPU ms each | store KB each |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        List<String> rows = new ArrayList<>();
        List<ClientStats.Totals> all = new ArrayList<>();
        for (String backend : backends.isEmpty() ? List.of("sqlite", "postgres") : backends) {
            for (double rate : rates) {
                bench.scenarios(backend, rate, rows, all);
            }
        }
        long errors = all.stream().mapToLong(ClientStats.Totals::errors).sum();
        if (errors > 0) {
            throw new IllegalStateException("invalid run: " + errors + " errors, the first: " + all.stream()
                    .map(ClientStats.Totals::firstError).filter(Objects::nonNull).findFirst().orElseThrow());
        }
        return rows;
    }

    private void scenarios(String backend, double declineRate, List<String> rows, List<ClientStats.Totals> all)
            throws Exception {
        List<String> appArgs = new ArrayList<>(List.of("--marketplace.payments.latency=0ms",
                "--marketplace.payments.decline-rate=" + declineRate));
        appArgs.addAll(backendArgs(backend));
        String declined = String.format(Locale.ROOT, "%.0f%%", declineRate * 100);
        try (Deployment app = deploy(backend, declineRate, appArgs);
             MarketplaceApi sagas = new MarketplaceApi(app.sagas())) {
            List<String> products = stockedProducts(app, productCount);
            ClientStats.Totals baseline = scenario(app, clients, api -> c -> new LivenessClient(api));
            Semaphore window = new Semaphore(inFlight);
            Queue<SagaLatencies.Sample> samples = new ConcurrentLinkedQueue<>();
            ClientStats.Totals orders = scenario(app, clients + 1, api -> c -> c == 0 ? new SagaMonitor(sagas, window)
                    : new FulfilmentClient(api, products, window, sampleEvery, samples, 31L * clients + c));
            SagaLatencies.Result latencies = latencies(app, samples);
            all.addAll(List.of(baseline, orders));
            double baselinePerSecond = baseline.requestsPerSecond();
            rows.add(print(row(backend, declined, "baseline: GET /" + LivenessClient.PATH, baselinePerSecond,
                    baseline.requests(), Map.of(), baseline.errors(), 1.0, baseline.cpuMillisPerRequest(
                            baseline.serverCpu()), "–")));
            long finished = orders.outcomes().values().stream().mapToLong(Long::longValue).sum();
            double finishedPerSecond = finished / orders.seconds();
            rows.add(print(row(backend, declined, "orders placed → saga finished", finishedPerSecond,
                    latencies.latencies(), orders.outcomes(), orders.errors() + latencies.errors(),
                    finishedPerSecond / baselinePerSecond,
                    orders.serverCpu().toNanos() / 1e6 / finished, storeKilobytesPerSaga(app, backend))));
        }
    }

    /**
     * The embedded marketplace started afresh, or, for {@code cluster}, the cluster running from the data folder
     * {@code bench.cluster} (default {@code data/cluster}), whose payments decline nothing.
     */
    private Deployment deploy(String backend, double declineRate, List<String> appArgs) throws Exception {
        if (!backend.equals("cluster")) {
            return MarketplaceProcess.start(jar, appJvmArgs, appArgs);
        }
        if (declineRate != 0) {
            throw new IllegalArgumentException("the cluster's payments decline nothing: run it with "
                    + "-Dbench.declineRates=0");
        }
        return ClusterDeployment.attach(Path.of(System.getProperty("bench.cluster", "data/cluster")));
    }

    private static SagaLatencies.Result latencies(Deployment app, Queue<SagaLatencies.Sample> samples)
            throws InterruptedException {
        try (MarketplaceApi api = new MarketplaceApi(app.base())) {
            SagaLatencies.Result result = SagaLatencies.of(api, samples);
            if (result.errors() > 0) {
                System.out.println("timing sampled orders failed " + result.errors() + " times, the first: "
                        + result.firstError());
            }
            return result;
        }
    }

    /** The SQLite files' size ÷ every saga finished so far, in KB; "–" for PostgreSQL. */
    private static String storeKilobytesPerSaga(Deployment app, String backend)
            throws IOException, InterruptedException, SQLException {
        if (!backend.equals("sqlite") || !(app instanceof MarketplaceProcess process)) {
            return "–";
        }
        try (MarketplaceApi api = new MarketplaceApi(app.base())) {
            long finished = SagaMonitor.finished(api);
            return String.format(Locale.ROOT, "%.1f", process.storeBytes() / 1024.0 / finished);
        }
    }

    private static List<String> backendArgs(String backend) {
        return switch (backend) {
            case "sqlite" -> List.of();
            case "postgres" -> {
                PostgresDatabase db = PostgresHarness.newDatabase();
                yield List.of("--spring.profiles.active=postgres", "--ordo.store.postgres.url=" + db.jdbcUrl(),
                        "--ordo.store.postgres.username=" + db.user(), "--ordo.store.postgres.password=" + db.password());
            }
            case "cluster" -> List.of();
            default -> throw new IllegalArgumentException("unknown backend " + backend
                    + "; use sqlite, postgres or cluster");
        };
    }

    /**
     * Registers {@code count} products of one producer ({@code POST /catalog/products}) and delivers
     * {@value #DELIVERY} units of each ({@code POST /inventory/{id}/deliveries}), so that no order runs out of stock
     * and orders spread over as many stock streams as a small shop's catalog has; returns their ids.
     */
    static List<String> stockedProducts(Deployment app, int count)
            throws IOException, InterruptedException {
        try (MarketplaceApi api = new MarketplaceApi(app.base())) {
            String producer = UUID.randomUUID().toString();
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                MarketplaceApi.Response registered = api.post("catalog/products", Map.of("producerId", producer,
                        "producerName", "Bench Workshop", "name", "Bench product " + i, "price", 5 + i % 20,
                        "currency", "EUR", "available", true));
                if (!registered.ok()) {
                    throw new IllegalStateException(registered.describe("POST /catalog/products"));
                }
                ids.add(registered.json().path("productId").asString());
            }
            for (String id : ids) {
                untilTaken(api, "inventory/" + id + "/deliveries", Map.of("quantity", DELIVERY));
            }
            for (String id : ids) {
                untilTaken(api, "orders", new OrderClient.PlaceOrder(UUID.randomUUID().toString(),
                        List.of(new OrderClient.Item(id, 1)), FulfilmentClient.ADDRESS));
            }
            return ids;
        }
    }

    /**
     * Posts the body again until it is taken: in the cluster, the inventory learns the products, and the orders
     * service the products and their stock, from Kafka, a moment after the catalog and the inventory answered; until
     * then the request is refused and changes nothing.
     */
    private static void untilTaken(MarketplaceApi api, String path, Object body)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        MarketplaceApi.Response response = api.post(path, body);
        while (!response.ok()) {
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException(response.describe("POST /" + path));
            }
            Thread.sleep(100);
            response = api.post(path, body);
        }
    }

    private ClientStats.Totals scenario(Deployment app, int threads,
                                        Function<MarketplaceApi, IntFunction<LoadRun.Client>> factory)
            throws InterruptedException {
        try (MarketplaceApi api = new MarketplaceApi(app.base())) {
            return LoadRun.run(app, threads, warmup, measurement, factory.apply(api));
        }
    }

    private String row(String backend, String declined, String scenario, double perSecond, Histogram latency,
                       Map<String, Long> outcomes, long errors, double ratio, double cpuMillis, String storeKb) {
        return String.format(Locale.ROOT, "| %s | %s | %s | %,.0f | %s | %s | %.2f | %.2f | %.1f | %d | %.2f | %.2f | %s |",
                backend, declined, scenario, perSecond, count(outcomes, "COMPLETED"), count(outcomes, "COMPENSATED"),
                latency.getValueAtPercentile(50) / 1000.0, latency.getValueAtPercentile(99) / 1000.0,
                latency.getMaxValue() / 1000.0, errors, ratio, cpuMillis, storeKb);
    }

    private static String count(Map<String, Long> outcomes, String outcome) {
        return outcomes.isEmpty() ? "–" : String.format(Locale.ROOT, "%,d", outcomes.getOrDefault(outcome, 0L));
    }

    private static String print(String row) {
        System.out.println(row);
        return row;
    }

    private static Duration seconds(String value) {
        return Duration.ofMillis(Math.round(Double.parseDouble(value) * 1000));
    }
}
