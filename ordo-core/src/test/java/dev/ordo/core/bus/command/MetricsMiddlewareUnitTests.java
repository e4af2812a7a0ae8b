package dev.ordo.core.bus.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ordo.core.event.EventMetadata;
import dev.ordo.core.event.StreamId;
import dev.ordo.core.store.EventStoreUnavailableException;
import dev.ordo.core.store.ExpectedVersion;
import dev.ordo.core.store.WrongExpectedVersionException;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class MetricsMiddlewareUnitTests {

    /** A command whose handler does whatever the test tells it. */
    record Act(Supplier<Object> behaviour) {
    }

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final CommandBus bus = SimpleCommandBus.builder()
            .register(Act.class, (command, metadata) -> command.behaviour().get())
            .middleware(new MetricsMiddleware(registry))
            .build();

    @Test
    void timesASuccessfulCommandUnderItsSimpleClassName() {
        bus.dispatch(new Act(() -> "ok"), EventMetadata.empty());
        bus.dispatch(new Act(() -> "ok"), EventMetadata.empty());

        Timer timer = timer("success");
        assertThat(timer.count()).isEqualTo(2);
        assertThat(timer.totalTime(TimeUnit.NANOSECONDS)).isPositive();
    }

    @Test
    void countsADomainExceptionAsRejected() {
        dispatchFailing(new IllegalStateException("order already shipped"));

        assertThat(timer("rejected").count()).isEqualTo(1);
    }

    @Test
    void countsAVersionConflictAsConflict() {
        dispatchFailing(new WrongExpectedVersionException(StreamId.of("order-1"), ExpectedVersion.exact(3), 4));

        assertThat(timer("conflict").count()).isEqualTo(1);
    }

    @Test
    void countsOtherStoreFailuresAndLockTimeoutsAsErrors() {
        dispatchFailing(new EventStoreUnavailableException("database is down"));
        dispatchFailing(new LockTimeoutException("order-1", Duration.ofMillis(10)));

        assertThat(timer("error").count()).isEqualTo(2);
        assertThat(registry.find(MetricsMiddleware.TIMER).tag("outcome", "rejected").timer()).isNull();
    }

    private void dispatchFailing(RuntimeException failure) {
        Supplier<Object> behaviour = () -> {
            throw failure;
        };
        assertThatThrownBy(() -> bus.dispatch(new Act(behaviour), EventMetadata.empty())).isSameAs(failure);
    }

    private Timer timer(String outcome) {
        return registry.get(MetricsMiddleware.TIMER).tag("command", "Act").tag("outcome", outcome).timer();
    }
}
