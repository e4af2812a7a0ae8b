package dev.ordo.coordination.participant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.github.resilience4j.circuitbreaker.CircuitBreaker.State;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig.SlidingWindowType;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class TimeLimitParticipantUnitTests {

    private final AtomicBoolean interrupted = new AtomicBoolean();
    private final CountDownLatch never = new CountDownLatch(1);
    private final CircuitBreakerRegistry breakers = CircuitBreakerRegistry.ofDefaults();
    private final Participant shipping = Participant.of("shipping",
            ParticipantConfig.builder().timeLimit(Duration.ofMillis(50)).build(), breakers);

    @Test
    void cancelsACallThatRunsPastTheLimitAndAnswersWithTheFallback() {
        AtomicReference<Exception> seenByFallback = new AtomicReference<>();

        String label = shipping.call(this::hang, failure -> {
            seenByFallback.set(failure);
            return "label printed later";
        });

        assertThat(label).isEqualTo("label printed later");
        assertThat(seenByFallback.get()).isInstanceOf(TimeoutException.class);
        await().untilTrue(interrupted);
    }

    @Test
    void reportsATimeoutAsAParticipantExceptionWithoutFallback() {
        assertThatThrownBy(() -> shipping.call(this::hang))
                .isInstanceOf(ParticipantException.class)
                .hasCauseInstanceOf(TimeoutException.class)
                .hasMessageStartingWith("call to participant 'shipping' failed")
                .satisfies(e -> assertThat(((ParticipantException) e).participant()).isEqualTo("shipping"));
        await().untilTrue(interrupted);
    }

    @Test
    void returnsTheValueOfACallWithinTheLimit() {
        Participant patient = Participant.of("patient",
                ParticipantConfig.builder().timeLimit(Duration.ofSeconds(30)).build(), breakers);

        assertThat(patient.call(() -> "label-1")).isEqualTo("label-1");
        assertThat(patient.state()).isEqualTo(State.CLOSED);
    }

    @Test
    void countsTimeoutsAsBreakerFailures() {
        Participant slow = Participant.of("slow", ParticipantConfig.builder()
                .timeLimit(Duration.ofMillis(20))
                .circuitBreaker(CircuitBreakerConfig.custom().slidingWindow(2, 2, SlidingWindowType.COUNT_BASED)
                        .failureRateThreshold(100).build())
                .build(), breakers);

        assertThat(slow.call(this::hang, failure -> "fallback")).isEqualTo("fallback");
        assertThat(slow.call(this::hang, failure -> "fallback")).isEqualTo("fallback");

        assertThat(slow.state()).isEqualTo(State.OPEN);
    }

    @Test
    void neitherRetriesNorFallsBackWhenTheCallerIsInterrupted() {
        AtomicInteger attempts = new AtomicInteger();
        Participant retrying = Participant.of("retrying", ParticipantConfig.builder()
                .retry(3, Duration.ofMillis(1)).timeLimit(Duration.ofSeconds(30)).build(), breakers);
        Thread.currentThread().interrupt();

        assertThatThrownBy(() -> retrying.call(() -> {
            attempts.incrementAndGet();
            return hang();
        }, failure -> "fallback"))
                .isInstanceOf(ParticipantException.class)
                .hasCauseInstanceOf(InterruptedException.class);

        assertThat(Thread.interrupted()).as("the interrupt flag is set again").isTrue();
        assertThat(attempts).as("cancelled before or while its only attempt ran").hasValueLessThanOrEqualTo(1);
    }

    private String hang() throws InterruptedException {
        try {
            never.await();
            return "never";
        } catch (InterruptedException e) {
            interrupted.set(true);
            throw e;
        }
    }
}
