package dev.ordo.coordination.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.ordo.coordination.RecordingListener;
import dev.ordo.coordination.service.CoordinationException;
import dev.ordo.coordination.service.ServiceCoordinator;
import dev.ordo.coordination.service.ServiceCoordinatorConfig;
import dev.ordo.coordination.service.ServiceGraph;
import dev.ordo.coordination.service.StepKey;
import dev.ordo.core.bus.event.Registration;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LifecycleEventsUnitTests {

    private static final StepKey<String> RESERVE = StepKey.of("reserve");
    private static final StepKey<String> CHARGE = StepKey.of("charge");
    private static final Instant NOON = Instant.parse("2026-11-22T12:00:00Z");

    private final RecordingListener listener = new RecordingListener();
    private final ServiceCoordinator services = ServiceCoordinator.of(ServiceCoordinatorConfig.builder()
            .clock(Clock.fixed(NOON, ZoneOffset.UTC)).build());

    @Test
    void publishesEveryEventOfASuccessfulRunInOrderWithOneRunIdAndTheDurations() {
        services.eventPublisher().subscribe(listener);
        ServiceGraph<String, String> graph = ServiceGraph.<String, String>builder("checkout")
                .step(RESERVE, (order, r) -> "stock")
                .step(CHARGE, List.of(RESERVE), (order, r) -> "paid")
                .aggregate((order, r) -> "ok")
                .build();

        services.run(graph, "o-1");

        assertThat(listener.described()).containsExactly("STARTED", "STEP_STARTED reserve", "STEP_COMPLETED reserve",
                "STEP_STARTED charge", "STEP_COMPLETED charge", "COMPLETED");
        assertThat(listener.events()).extracting(CoordinationEvent::operation).containsOnly("checkout");
        assertThat(listener.events()).extracting(CoordinationEvent::runId).doesNotContainNull().hasSize(6)
                .containsOnly(listener.events().getFirst().runId());
        assertThat(listener.events()).extracting(CoordinationEvent::at).containsOnly(NOON);
        assertThat(listener.events().getLast()).isInstanceOfSatisfying(CoordinationEvent.Completed.class,
                completed -> assertThat(completed.duration()).isPositive());
    }

    @Test
    void publishesTheFailureTheCompensationsAndTheFailedRunInOrder() {
        services.eventPublisher().subscribe(listener);
        IllegalStateException declined = new IllegalStateException("card declined");
        ServiceGraph<String, String> graph = ServiceGraph.<String, String>builder("checkout")
                .step(RESERVE, List.of(), (order, r) -> "stock", (order, stock) -> { })
                .step(CHARGE, List.of(RESERVE), (order, r) -> {
                    throw declined;
                })
                .aggregate((order, r) -> "ok")
                .build();

        CoordinationException thrown = catchThrowableOfType(
                CoordinationException.class, () -> services.run(graph, "o-2"));

        assertThat(listener.described()).containsExactly("STARTED", "STEP_STARTED reserve", "STEP_COMPLETED reserve",
                "STEP_STARTED charge", "STEP_FAILED charge", "COMPENSATING reserve", "COMPENSATED reserve", "FAILED charge");
        assertThat(listener.events().get(4)).isInstanceOfSatisfying(CoordinationEvent.StepFailed.class,
                failed -> assertThat(failed.error()).isSameAs(declined));
        assertThat(listener.events().getLast()).isInstanceOfSatisfying(CoordinationEvent.Failed.class, failed -> {
            assertThat(failed.step()).isEqualTo(Optional.of("charge"));
            assertThat(failed.error()).isSameAs(declined);
            assertThat(failed.runId()).isEqualTo(thrown.runId());
        });
    }

    @Test
    void keepsTheRunAndTheOtherListenersGoingWhenAListenerThrows() {
        services.eventPublisher().subscribe("broken", event -> {
            throw new IllegalStateException("listener bug");
        });
        services.eventPublisher().subscribe("recorder", listener);
        ServiceGraph<String, String> graph = ServiceGraph.<String, String>builder("checkout")
                .step(RESERVE, (order, r) -> "stock")
                .aggregate((order, r) -> r.get(RESERVE))
                .build();

        assertThat(services.run(graph, "o-3")).isEqualTo("stock");
        assertThat(listener.described()).hasSize(4);
    }

    @Test
    void stopsDeliveringToAnUnsubscribedListenerAndRefusesADuplicateName() {
        Registration registration = services.eventPublisher().subscribe("recorder", listener);
        ServiceGraph<String, String> graph = ServiceGraph.<String, String>builder("checkout")
                .step(RESERVE, (order, r) -> "stock")
                .aggregate((order, r) -> r.get(RESERVE))
                .build();
        services.run(graph, "o-4");
        assertThatThrownBy(() -> services.eventPublisher().subscribe("recorder", event -> { }))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'recorder' is already subscribed");

        registration.unsubscribe();
        services.run(graph, "o-5");

        assertThat(registration.listener()).isEqualTo("recorder");
        assertThat(listener.events()).hasSize(4);
    }
}
