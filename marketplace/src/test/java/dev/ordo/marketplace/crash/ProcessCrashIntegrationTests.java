package dev.ordo.marketplace.crash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The marketplace jar, killed with SIGKILL at seeded moments while customers order with Idempotency-Keys, keeps every
 * invariant of {@link Invariant} on each backend. Short in the test command (about 200 orders, 3 kills); the long run
 * is the same test with {@code -Dordo.crash.orders} and {@code -Dordo.crash.kills} ({@code bench/crash-run.sh}). A
 * failure names each broken invariant with its orders, keys or products, and the seed that replays the run.
 */
class ProcessCrashIntegrationTests {

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Store.Backend.class)
    void keepsEveryOrderPaymentAndUnitWhenTheProcessIsKilledAtRandomMoments(Store.Backend backend) throws Exception {
        CrashSettings settings = CrashSettings.kills("process crash on " + backend, 200, 12, 3);
        assumeTrue(settings.runsOn(backend), "-Dordo.crash.backends leaves out " + backend);

        CrashReport report = CrashRun.run(backend, FaultInjector.Kind.KILL, settings);

        assertThat(report.violations().isEmpty()).withFailMessage(report::failureMessage).isTrue();
    }
}
