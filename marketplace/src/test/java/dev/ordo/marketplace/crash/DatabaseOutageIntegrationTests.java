package dev.ordo.marketplace.crash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The database goes away under load while the marketplace keeps running, a few times at seeded moments: PostgreSQL is
 * stopped and started again, the SQLite file is locked by another connection. Requests are answered 503 problem+json
 * meanwhile, health goes DOWN (PostgreSQL) and comes back UP without a restart, and afterwards every invariant of
 * {@link Invariant} holds.
 */
class DatabaseOutageIntegrationTests {

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Store.Backend.class)
    void answers503WhileTheDatabaseIsAwayAndKeepsEveryInvariantOnceItIsBack(Store.Backend backend) throws Exception {
        CrashSettings settings = CrashSettings.outages("database outage on " + backend, 120, 12, 3);
        assumeTrue(settings.runsOn(backend), "-Dordo.crash.backends leaves out " + backend);

        CrashReport report = CrashRun.run(backend, FaultInjector.Kind.OUTAGE, settings);

        assertThat(report.violations().isEmpty()).withFailMessage(report::failureMessage).isTrue();
    }
}
