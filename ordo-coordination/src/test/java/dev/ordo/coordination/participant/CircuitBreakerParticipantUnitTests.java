package dev.ordo.coordination.participant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ordo.coordination.service.CoordinationException;
import dev.ordo.coordination.service.ServiceCoordinator;
import dev.ordo.coordination.service.ServiceGraph;
import dev.ordo.coordination.service.StepKey;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker.State;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig.SlidingWindowType;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CircuitBreakerParticipantUnitTests {

    /** The provider is down. */
    static final class ProviderDown extends RuntimeException {
        ProviderDown() {
            super("503 from the payment provider");
        }
    }

    private static final Duration WAIT_IN_OPEN = Duration.ofSeconds(30);

    private final MutableClock clock = new MutableClock();
    private final CircuitBreakerRegistry breakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
            .slidingWindow(4, 4, SlidingWindowType.COUNT_BASED)
            .failureRateThreshold(50)
            .waitDurationInOpenState(WAIT_IN_OPEN)
            .permittedNumberOfCallsInHalfOpenState(2)
            .clock(clock)
            .build());
    private final AtomicInteger calls = new AtomicInteger();

    @Test
    void opensAfterFailuresAndThenFailsFastWithoutCallingTheParticipant() {
        Participant payments = payments();
        failFourTimes(payments);

        assertThat(payments.state()).isEqualTo(State.OPEN);
        assertThatThrownBy(() -> payments.call(this::succeed)).isInstanceOf(CallNotPermittedException.class);
        assertThat(calls).hasValue(4);
    }

    @Test
    void halfOpensAfterTheWaitAndClosesAgainWhenTheTrialCallsSucceed() {
        Participant payments = payments();
        failFourTimes(payments);
        clock.advance(WAIT_IN_OPEN.minusSeconds(1));
        assertThatThrownBy(() -> payments.call(this::succeed)).isInstanceOf(CallNotPermittedException.class);

        clock.advance(Duration.ofSeconds(2));

        assertThat(payments.call(this::succeed)).isEqualTo("ok");
        assertThat(payments.state()).isEqualTo(State.HALF_OPEN);
        assertThat(payments.call(this::succeed)).isEqualTo("ok");
        assertThat(payments.state()).isEqualTo(State.CLOSED);
        assertThat(calls).hasValue(6);
    }

    @Test
    void opensAgainWhenTheTrialCallsFail() {
        Participant payments = payments();
        failFourTimes(payments);
        clock.advance(WAIT_IN_OPEN.plusSeconds(1));

        assertThatThrownBy(() -> payments.call(this::fail)).isInstanceOf(ProviderDown.class);
        assertThatThrownBy(() -> payments.call(this::fail)).isInstanceOf(ProviderDown.class);

        assertThat(payments.state()).isEqualTo(State.OPEN);
    }

    @Test
    void answersWithTheFallbackWhileOpenWithoutCallingTheParticipant() {
        Participant payments = payments();
        failFourTimes(payments);

        String answer = payments.call(this::succeed,
                failure -> failure instanceof CallNotPermittedException ? "pay later" : "error");

        assertThat(answer).isEqualTo("pay later");
        assertThat(calls).hasValue(4);
    }

    @Test
    void sharesTheBreakerBetweenOperationsCallingTheSameParticipant() {
        StepKey<String> charge = StepKey.of("charge");
        ServiceGraph<String, String> checkout = ServiceGraph.<String, String>builder("checkout")
                .step(charge, (order, r) -> payments().call(this::fail))
                .aggregate((order, r) -> r.get(charge))
                .build();
        ServiceGraph<String, String> refund = ServiceGraph.<String, String>builder("refund")
                .step(charge, (order, r) -> payments().call(this::succeed,
                        failure -> "refund queued"))
                .aggregate((order, r) -> r.get(charge))
                .build();
        ServiceCoordinator coordinator = ServiceCoordinator.ofDefaults();
        for (int i = 0; i < 4; i++) {
            assertThatThrownBy(() -> coordinator.run(checkout, "o-1")).isInstanceOf(CoordinationException.class)
                    .hasCauseInstanceOf(ProviderDown.class);
        }

        assertThat(coordinator.run(refund, "o-1")).isEqualTo("refund queued");
        assertThat(calls).hasValue(4);
        assertThat(payments().state()).isEqualTo(State.OPEN);
    }

    @Test
    void sharesTheBreakerBetweenParticipantsOfOneNameBuiltOnOneBreakerRegistry() {
        Participant fromOne = payments();
        Participant fromOther = payments();
        failFourTimes(fromOne);

        assertThat(fromOther.circuitBreaker()).isSameAs(fromOne.circuitBreaker());
        assertThat(fromOther.state()).isEqualTo(State.OPEN);
    }

    private Participant payments() {
        return Participant.of("payments", ParticipantConfig.ofDefaults(), breakers);
    }

    private void failFourTimes(Participant participant) {
        for (int i = 0; i < 4; i++) {
            assertThatThrownBy(() -> participant.call(this::fail)).isInstanceOf(ProviderDown.class);
        }
    }

    private String succeed() {
        calls.incrementAndGet();
        return "ok";
    }

    private String fail() {
        calls.incrementAndGet();
        throw new ProviderDown();
    }
}
