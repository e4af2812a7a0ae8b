package dev.ordo.marketplace.crash;

import static org.awaitility.Awaitility.await;

import dev.ordo.core.subscription.SubscriptionStatus;
import dev.ordo.core.subscription.Subscriptions;
import dev.ordo.jdbc.JdbcProjection;
import dev.ordo.jdbc.JdbcProjections;
import dev.ordo.jdbc.OrdoDatabase;
import dev.ordo.marketplace.MarketplaceApplication;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.awaitility.core.ConditionTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every read model against a rebuild from position 0, on the run's own data once the child process has stopped: the
 * marketplace is started in the test's JVM (no web server, no fulfilment, no demo data, so it writes no event), each
 * projection is let catch up to the head of the log, its tables are read, it is rebuilt from the first event with the
 * toolkit's own rebuild, and its tables are read again. Any row in one reading and not the other is a violation.
 */
final class ReadModelRebuild {

    private static final Duration PATIENCE = Duration.ofSeconds(120);
    private static final int EXAMPLES = 3;
    private static final Logger log = LoggerFactory.getLogger(ReadModelRebuild.class);

    private ReadModelRebuild() {
    }

    static void check(List<String> storeArgs, Violations violations) throws InterruptedException {
        List<String> args = new ArrayList<>(storeArgs);
        args.addAll(List.of("--spring.main.web-application-type=none", "--marketplace.demo-data=false",
                "--marketplace.fulfilment.enabled=false", "--spring.main.banner-mode=off",
                "--logging.level.root=WARN"));
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(MarketplaceApplication.class)
                .run(args.toArray(String[]::new))) {
            Subscriptions subscriptions = app.getBean(Subscriptions.class);
            JdbcProjections projections = app.getBean(JdbcProjections.class);
            JdbcClient jdbc = JdbcClient.create(app.getBean(OrdoDatabase.class).readDataSource());
            Collection<JdbcProjection> all = app.getBeansOfType(JdbcProjection.class).values();
            try {
                await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200)).until(() -> subscriptions.statuses()
                        .stream().allMatch(status -> status.lagEvents() == 0));
            } catch (ConditionTimeoutException e) {
                violations.add(Invariant.READ_MODEL_EQUALS_REBUILD, "subscriptions", "did not catch up with the log "
                        + "within " + PATIENCE + ": " + subscriptions.statuses().stream()
                        .map(SubscriptionStatus::toString).toList());
                return;
            }
            int rows = 0;
            for (JdbcProjection projection : all) {
                Map<String, List<String>> live = read(jdbc, projection.tables());
                rows += live.values().stream().mapToInt(List::size).sum();
                try {
                    projections.rebuild(projection.name()).get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
                } catch (ExecutionException | TimeoutException e) {
                    violations.add(Invariant.READ_MODEL_EQUALS_REBUILD, "projection " + projection.name(),
                            "could not be rebuilt: " + e);
                    continue;
                }
                compare(projection.name(), live, read(jdbc, projection.tables()), violations);
            }
            log.info("rebuilt {} projections ({} rows) from position 0 and compared them with the live read models",
                    all.size(), rows);
        }
    }

    private static Map<String, List<String>> read(JdbcClient jdbc, List<String> tables) {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        for (String table : tables) {
            rows.put(table, jdbc.sql("SELECT * FROM " + table).query().listOfRows().stream()
                    .map(row -> new TreeMap<>(row).toString()).sorted().toList());
        }
        return rows;
    }

    private static void compare(String projection, Map<String, List<String>> live, Map<String, List<String>> rebuilt,
                                Violations violations) {
        live.forEach((table, rows) -> {
            List<String> fresh = rebuilt.get(table);
            if (rows.equals(fresh)) {
                return;
            }
            Set<String> liveOnly = new HashSet<>(rows);
            fresh.forEach(liveOnly::remove);
            Set<String> rebuiltOnly = new HashSet<>(fresh);
            rows.forEach(rebuiltOnly::remove);
            violations.add(Invariant.READ_MODEL_EQUALS_REBUILD, "table " + table + " of projection " + projection,
                    rows.size() + " rows live, " + fresh.size() + " after the rebuild; only live: "
                            + liveOnly.stream().limit(EXAMPLES).toList() + "; only rebuilt: "
                            + rebuiltOnly.stream().limit(EXAMPLES).toList());
        });
    }
}
