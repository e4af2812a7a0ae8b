package dev.ordo.marketplace.crash;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a crash run did and found: a summary (faults, starts, orders and how they ended, requests, retries and the
 * unknown outcomes behind them, the provider's calls) and the violations, with the seed that replays the run. Written
 * to {@code report.txt} in the run's folder and logged. Immutable.
 *
 * @param summary    the figures of the run, one per line
 * @param violations what broke
 */
record CrashReport(String name, long seed, String summary, Violations violations, Path file) {

    private static final Logger log = LoggerFactory.getLogger(CrashReport.class);
    private static final int EXAMPLES = 8;

    /** The assertion message of a failed run: the seed, the summary, and every broken invariant with examples. */
    String failureMessage() {
        return "crash run " + name + " broke " + violations.all().size() + " invariant checks (replay with "
                + "-Dordo.faults.seed=" + seed + "; full report in " + file + ")" + violations.describe(EXAMPLES)
                + "\n" + summary;
    }

    /** Collects the figures while the run goes on. Not thread-safe. */
    static final class Builder {

        private final String name;
        private final CrashSettings settings;
        private final Path folder;
        private final StringBuilder summary = new StringBuilder();

        Builder(String name, CrashSettings settings, Path folder) {
            this.name = name;
            this.settings = settings;
            this.folder = folder;
        }

        void run(EndState end, List<FaultInjector.Injected> faults, int starts, boolean settled,
                 Map<String, Integer> providerRequests) {
            line("seed", settings.seed() + " (replay with -Dordo.faults.seed=" + settings.seed() + ")");
            line("customers", settings.clients() + ", " + settings.orders() + " placements planned");
            if (!settings.appArgs().isEmpty()) {
                line("app arguments", String.join(" ", settings.appArgs()));
            }
            line("faults", faults.size() + " injected: " + faults.stream().map(f -> f.kind() + " at placement "
                    + f.atPlacement() + " (" + f.duration().toMillis() + " ms)").collect(Collectors.joining(", ")));
            line("marketplace starts", String.valueOf(starts));
            line("settled", settled ? "every saga finished and every read model caught up"
                    : "NOT within " + settings.settleWithin());
            Map<String, Integer> outcomes = new TreeMap<>();
            for (String orderId : SagaChecks.placedOrders(end)) {
                String status = end.sagaStatus(orderId).orElse("NO SAGA");
                String reason = status.equals("COMPENSATED") ? " (" + reason(end.sagas().get(orderId)
                        .path("failure").asString("")) + ")" : "";
                outcomes.merge(status + reason, 1, Integer::sum);
            }
            line("orders", SagaChecks.placedOrders(end).size() + ": " + outcomes);
            for (Exchange.Kind kind : Exchange.Kind.values()) {
                List<Exchange> exchanges = end.exchanges(kind);
                if (exchanges.isEmpty()) {
                    continue;
                }
                int attempts = exchanges.stream().mapToInt(e -> e.attempts().size()).sum();
                Map<String, Integer> answers = new TreeMap<>();
                Map<String, Integer> unknown = new TreeMap<>();
                for (Exchange exchange : exchanges) {
                    answers.merge(exchange.answered() < 0 ? "never" : String.valueOf(exchange.answered()), 1,
                            Integer::sum);
                    exchange.attempts().stream().filter(Exchange.Attempt::unknown)
                            .forEach(a -> unknown.merge(a.summary(), 1, Integer::sum));
                }
                line("requests " + kind, exchanges.size() + " keys, " + attempts + " attempts ("
                        + (attempts - exchanges.size()) + " retries); answers " + answers + "; unknown outcomes "
                        + unknown);
            }
            line("payment provider", providerRequests + "; captures " + end.ledger().charges().size()
                    + ", refunds " + end.ledger().refunds().size());
            line("event log", end.log().size() + " events of orders, stock, payments and sagas");
            line("dead letters", String.valueOf(end.deadLetters().size()));
        }

        CrashReport finish(Violations violations, Duration took) {
            line("duration", took.toSeconds() + " s");
            line("verdict", violations.isEmpty() ? "every invariant held"
                    : violations.all().size() + " violations of " + violations.byInvariant().keySet());
            Path file = folder.resolve("report.txt");
            String text = "crash run " + name + "\n" + summary + (violations.isEmpty() ? ""
                    : "\nviolations:" + violations.describe(Integer.MAX_VALUE)) + "\n";
            try {
                Files.writeString(file, text);
            } catch (IOException e) {
                throw new UncheckedIOException("could not write " + file, e);
            }
            log.info("{}", text);
            return new CrashReport(name, settings.seed(), summary.toString(), violations, file);
        }

        private void line(String label, String value) {
            summary.append(String.format("  %-20s %s%n", label, value));
        }

        private static String reason(String failure) {
            for (String known : List.of("payment declined", "insufficient stock", Customer.CANCEL_REASON,
                    "could not be recorded on the order")) {
                if (failure.contains(known)) {
                    return known.equals(Customer.CANCEL_REASON) ? "cancelled by the customer" : known;
                }
            }
            return "other: " + (failure.length() <= 80 ? failure : failure.substring(0, 80) + "...");
        }
    }
}
