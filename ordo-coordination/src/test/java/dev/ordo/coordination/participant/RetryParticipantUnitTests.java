package dev.ordo.coordination.participant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.core.functions.Either;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RetryParticipantUnitTests {

    /** A failure worth another attempt. */
    static final class Transient extends RuntimeException {
        Transient() {
            super("connection reset");
        }
    }

    private final AtomicInteger attempts = new AtomicInteger();
    private final Participant inventory = Participant.of("inventory", ParticipantConfig.builder()
            .retry(3, Duration.ofMillis(1))
            .maxBackoff(Duration.ofMillis(2))
            .retryOn(Transient.class, IOException.class)
            .build(), CircuitBreakerRegistry.ofDefaults());

    @Test
    void stopsAtTheMaximumNumberOfAttemptsAndThrowsTheLastFailure() {
        assertThatThrownBy(() -> inventory.call(() -> {
            attempts.incrementAndGet();
            throw new Transient();
        })).isInstanceOf(Transient.class);

        assertThat(attempts).hasValue(3);
    }

    @Test
    void returnsTheValueOfTheFirstAttemptThatSucceeds() {
        String reserved = inventory.call(() -> {
            if (attempts.incrementAndGet() < 3) {
                throw new IOException("timeout reading the response");
            }
            return "reserved";
        });

        assertThat(reserved).isEqualTo("reserved");
        assertThat(attempts).hasValue(3);
    }

    @Test
    void doesNotRetryAnExceptionThatIsNotRetryable() {
        assertThatThrownBy(() -> inventory.call(() -> {
            attempts.incrementAndGet();
            throw new IllegalArgumentException("unknown product");
        })).isInstanceOf(IllegalArgumentException.class);

        assertThat(attempts).hasValue(1);
    }

    @Test
    void usesTheFallbackOnceTheAttemptsAreSpent() {
        String answer = inventory.call(() -> {
            attempts.incrementAndGet();
            throw new Transient();
        }, failure -> "reserve later");

        assertThat(answer).isEqualTo("reserve later");
        assertThat(attempts).hasValue(3);
    }

    @Test
    void doesNotRetryWhileTheBreakerIsOpen() {
        Participant anyFailure = Participant.of("any", ParticipantConfig.builder()
                .retry(5, Duration.ofMillis(1)).build(), CircuitBreakerRegistry.ofDefaults());
        anyFailure.circuitBreaker().transitionToForcedOpenState();

        assertThatThrownBy(() -> anyFailure.call(attempts::incrementAndGet))
                .isInstanceOf(CallNotPermittedException.class);

        assertThat(attempts).hasValue(0);
        assertThat(anyFailure.config().isRetryable(new IllegalStateException())).isTrue();
        assertThat(anyFailure.config().isRetryable(
                CallNotPermittedException.createCallNotPermittedException(anyFailure.circuitBreaker()))).isFalse();
    }

    @Test
    void waitsExponentiallyLongerBetweenAttemptsWithinTheJitterAndTheCap() {
        ParticipantConfig config = ParticipantConfig.builder()
                .retry(5, Duration.ofMillis(100))
                .backoffMultiplier(2)
                .jitter(0.25)
                .maxBackoff(Duration.ofMillis(300))
                .build();
        IntervalBiFunction<Object> backoff = config.retryConfig().getIntervalBiFunction();
        Either<Throwable, Object> failure = Either.left(new Transient());

        for (int sample = 0; sample < 100; sample++) {
            assertThat(backoff.apply(1, failure)).isBetween(75L, 125L);
            assertThat(backoff.apply(2, failure)).isBetween(150L, 250L);
            assertThat(backoff.apply(3, failure)).isBetween(300L * 3 / 4, 300L);
            assertThat(backoff.apply(4, failure)).isLessThanOrEqualTo(300L);
        }
    }
}
