package dev.ordo.marketplace.crash;

import static org.awaitility.Awaitility.await;

import dev.ordo.marketplace.payments.fake.FakePaymentProvider;
import dev.ordo.marketplace.payments.fake.FakePaymentSettings;
import dev.ordo.marketplace.payments.http.FakePaymentProviderServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.awaitility.core.ConditionTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * One crash run, start to verdict: a payment provider in the test's JVM, the marketplace as a child process on a store
 * that outlives it, customers ordering until the run's placements are taken while faults are injected at seeded
 * moments, then every key sent once more, every saga let finish, the end state read and every invariant checked,
 * and finally every read model compared with a rebuild from position 0. Everything the run leaves (the application's
 * logs, the report) is in {@code target/crash/<run>/}.
 */
final class CrashRun {

    /** How the provider behaves in every run: quick, with some declines and some calls that never answer. */
    static final FakePaymentSettings PROVIDER = new FakePaymentSettings(Duration.ofMillis(5), 0.05, 0.01, false);

    private static final Logger log = LoggerFactory.getLogger(CrashRun.class);
    private static final Path JAR = Path.of("target", "marketplace.jar");

    private CrashRun() {
    }

    /**
     * Runs and checks; the report holds the violations found (none when every invariant held).
     *
     * @throws IllegalStateException when the run itself could not be carried out (the seed is in the message)
     */
    static CrashReport run(Store.Backend backend, FaultInjector.Kind faults, CrashSettings settings) {
        String name = backend.name().toLowerCase(Locale.ROOT) + "-" + faults.name().toLowerCase(Locale.ROOT) + "-"
                + settings.seed();
        try {
            return run(name, backend, faults, settings);
        } catch (IOException | SQLException | RuntimeException e) {
            throw new IllegalStateException("crash run " + name + " could not be carried out (replay with "
                    + "-Dordo.faults.seed=" + settings.seed() + "): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("crash run " + name + " was interrupted", e);
        }
    }

    private static CrashReport run(String name, Store.Backend backend, FaultInjector.Kind faults,
                                   CrashSettings settings) throws IOException, SQLException, InterruptedException {
        Path folder = Path.of("target", "crash", name).toAbsolutePath();
        deleteRecursively(folder);
        Files.createDirectories(folder);
        log.info("crash run {}: {} orders by {} customers, {} faults of kind {}, {}", name, settings.orders(),
                settings.clients(), settings.faultCount(), faults, settings.faults());
        long started = System.nanoTime();
        Violations violations = new Violations();
        try (FakePaymentProviderServer provider = FakePaymentProviderServer.start(new FakePaymentProvider(PROVIDER,
                Clock.systemUTC()));
             Store store = Store.create(backend, folder.resolve("data"))) {
            List<String> appArgs = new ArrayList<>(store.appArgs());
            appArgs.addAll(List.of("--marketplace.payments.provider=http",
                    "--marketplace.payments.http.url=" + provider.url(),
                    // generous against a loaded machine: a hung provider call still ends, and its retry is the fault
                    "--marketplace.payments.http.request-timeout=4s",
                    "--marketplace.payments.resilience.call-timeout=6s", "--spring.main.banner-mode=off"));
            appArgs.addAll(settings.appArgs());
            CrashReport.Builder report = new CrashReport.Builder(name, settings, folder);
            try (MarketplaceJvm jvm = new MarketplaceJvm(JAR, folder.resolve("logs"), appArgs);
                 MarketplaceClient client = new MarketplaceClient(jvm.base(), settings.answerWithin())) {
                jvm.start();
                List<String> products = products(client);
                Map<String, Integer> stockBefore = stock(client, products);

                Queue<Exchange> history = new ConcurrentLinkedQueue<>();
                AtomicInteger placements = new AtomicInteger();
                AtomicBoolean customersDone = new AtomicBoolean();
                FaultInjector injector = new FaultInjector(faults, settings.faultCount(), settings.faults(),
                        settings.orders(), placements, customersDone::get, jvm, store);
                Thread injecting = Thread.ofPlatform().name("fault-injector").start(injector);
                try (ExecutorService customers = Executors.newVirtualThreadPerTaskExecutor()) {
                    for (int i = 0; i < settings.clients(); i++) {
                        customers.submit(new Customer(i, settings.seed(), client, products, placements,
                                settings.orders(), history));
                    }
                }
                customersDone.set(true);
                injecting.join();
                if (injector.failure() != null) {
                    throw new IllegalStateException("fault injection failed: " + injector.failure(),
                            injector.failure());
                }
                replay(client, history);
                boolean settled = settle(client, settings.settleWithin());

                EndState end = EndState.collect(List.copyOf(history), store, client, provider.ledger(), stockBefore);
                AnswerChecks.check(end, violations);
                if (faults == FaultInjector.Kind.OUTAGE) {
                    AnswerChecks.outages(injector.injected(), end.history(), backend, violations);
                }
                SagaChecks.check(end, violations);
                StockChecks.check(end, violations);
                ReadModelChecks.check(end, violations);
                report.run(end, injector.injected(), jvm.starts(), settled, provider.requests());
                jvm.stop();
            }
            ReadModelRebuild.check(store.appArgs(), violations);
            return report.finish(violations, Duration.ofNanos(System.nanoTime() - started));
        }
    }

    /** A run with the same name (the same seed) starts from nothing, not from the data its predecessor left. */
    private static void deleteRecursively(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    /** The products that can be ordered, once the catalog lists them. */
    private static List<String> products(MarketplaceClient client) {
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
            List<String> ids = new ArrayList<>();
            client.read("catalog/products?available=true").orElseThrow()
                    .forEach(p -> ids.add(p.get("productId").asString()));
            return ids;
        }, ids -> ids.size() >= 2);
    }

    /** Units (available + reserved) of each product, once the demo stock of every one of them is in. */
    private static Map<String, Integer> stock(MarketplaceClient client, List<String> products) {
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
            Map<String, Integer> units = new HashMap<>();
            for (JsonNode view : client.read("inventory").orElseThrow()) {
                units.put(view.get("productId").asString(), view.get("available").asInt()
                        + view.get("reserved").asInt());
            }
            return units;
        }, units -> units.keySet().containsAll(products));
    }

    /** Sends every answered placement once more, with its key: it must answer with the same order. */
    private static void replay(MarketplaceClient client, Queue<Exchange> history) {
        List<Exchange> placed = history.stream().filter(e -> e.kind() == Exchange.Kind.PLACE && e.answered() == 201)
                .toList();
        try (ExecutorService replays = Executors.newFixedThreadPool(8, Thread.ofVirtual().factory())) {
            for (Exchange first : placed) {
                replays.submit(() -> history.add(client.send(new Exchange(Exchange.Kind.REPLAY, first.key(),
                        first.method(), first.path(), first.body(), null, 0))));
            }
        }
    }

    /**
     * Waits until no saga is running or compensating and every subscription has caught up with the log.
     *
     * @return false when that did not happen within the time given (the invariants then name what is unfinished)
     */
    private static boolean settle(MarketplaceClient client, Duration within) {
        try {
            await().atMost(within).pollInterval(Duration.ofSeconds(1)).ignoreExceptions().until(() -> {
                for (String status : List.of("RUNNING", "COMPENSATING")) {
                    if (!client.read("sagas?status=" + status + "&limit=1").orElseThrow().isEmpty()) {
                        return false;
                    }
                }
                JsonNode subscriptions = client.read("actuator/health").orElseThrow()
                        .path("components").path("ordo").path("details").path("subscriptions");
                for (JsonNode subscription : subscriptions) {
                    if (subscription.path("lagEvents").asLong() != 0) {
                        return false;
                    }
                }
                return true;
            });
            return true;
        } catch (ConditionTimeoutException e) {
            log.warn("the run did not settle within {}", within);
            return false;
        }
    }
}
