package dev.ordo.marketplace.crash;

import dev.ordo.test.faults.SeededFaults;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How big a crash run is: a short one inside the test command by default, a long one when the system properties say
 * so ({@code bench/crash-run.sh} sets them). Immutable.
 *
 * @param faults       the seeded schedule ({@code -Dordo.faults.seed}; printed)
 * @param orders       orders to place ({@code -Dordo.crash.orders} for the kill runs,
 *                     {@code -Dordo.crash.outage-orders} for the database outage runs)
 * @param clients      concurrent customers ({@code -Dordo.crash.clients})
 * @param faultCount   kills ({@code -Dordo.crash.kills}), or database outages ({@code -Dordo.crash.outages}), during
 *                     the run
 * @param answerWithin how long a customer retries one request before it counts as never answered
 *                     ({@code -Dordo.crash.answer-within-seconds})
 * @param settleWithin how long every saga may take to finish once the customers are done
 *                     ({@code -Dordo.crash.settle-within-seconds})
 * @param backends     the backends to run on ({@code -Dordo.crash.backends=sqlite,postgres}, both by default)
 * @param appArgs      more arguments for the marketplace, to try a setting under faults
 *                     ({@code -Dordo.crash.app-args="--a=1 --b=2"}, none by default)
 */
record CrashSettings(SeededFaults faults, int orders, int clients, int faultCount, Duration answerWithin,
                     Duration settleWithin, Set<Store.Backend> backends, List<String> appArgs) {

    CrashSettings {
        if (orders < 1 || clients < 1 || faultCount < 0) {
            throw new IllegalArgumentException("orders and clients must be positive and faults not negative: "
                    + orders + ", " + clients + ", " + faultCount);
        }
    }

    /** The settings of a run with kills, from the system properties or the given defaults. */
    static CrashSettings kills(String runName, int orders, int clients, int kills) {
        return of(runName, Integer.getInteger("ordo.crash.orders", orders), clients,
                Integer.getInteger("ordo.crash.kills", kills));
    }

    /** The settings of a run with database outages, from the system properties or the given defaults. */
    static CrashSettings outages(String runName, int orders, int clients, int outages) {
        return of(runName, Integer.getInteger("ordo.crash.outage-orders", orders), clients,
                Integer.getInteger("ordo.crash.outages", outages));
    }

    private static CrashSettings of(String runName, int orders, int clients, int faults) {
        return new CrashSettings(SeededFaults.fromSystemPropertyOrRandom(runName), orders,
                Integer.getInteger("ordo.crash.clients", clients), faults,
                Duration.ofSeconds(Integer.getInteger("ordo.crash.answer-within-seconds", 60)),
                Duration.ofSeconds(Integer.getInteger("ordo.crash.settle-within-seconds", 120)),
                Arrays.stream(System.getProperty("ordo.crash.backends", "sqlite,postgres").split(","))
                        .map(name -> Store.Backend.valueOf(name.strip().toUpperCase(Locale.ROOT)))
                        .collect(Collectors.toUnmodifiableSet()),
                Arrays.stream(System.getProperty("ordo.crash.app-args", "").split("\\s+"))
                        .filter(arg -> !arg.isBlank()).toList());
    }

    /** Whether runs on this backend were asked for. */
    boolean runsOn(Store.Backend backend) {
        return backends.contains(backend);
    }

    long seed() {
        return faults.seed();
    }
}
