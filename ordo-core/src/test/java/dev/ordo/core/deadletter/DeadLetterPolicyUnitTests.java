package dev.ordo.core.deadletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DeadLetterPolicyUnitTests {

    private static final DeadLetterPolicy NO_JITTER = DeadLetterPolicy.builder().maxAttempts(6)
            .initialDelay(Duration.ofMillis(100)).multiplier(3).maxDelay(Duration.ofSeconds(2)).jitter(0).build();

    @Test
    void defaultsToFiveAttemptsFromOneSecondDoublingUpToAMinuteWithTenPercentJitter() {
        DeadLetterPolicy defaults = DeadLetterPolicy.ofDefaults();

        assertThat(defaults.maxAttempts()).isEqualTo(5);
        assertThat(defaults.initialDelay()).isEqualTo(Duration.ofSeconds(1));
        assertThat(defaults.multiplier()).isEqualTo(2.0);
        assertThat(defaults.maxDelay()).isEqualTo(Duration.ofMinutes(1));
        assertThat(defaults.jitter()).isEqualTo(0.1);
        assertThat(defaults).isEqualTo(DeadLetterPolicy.builder().build())
                .hasSameHashCodeAs(DeadLetterPolicy.builder().build());
    }

    @Test
    void growsTheDelayByTheMultiplierUpToTheMaximum() {
        assertThat(IntStream.rangeClosed(1, 5).mapToObj(NO_JITTER::delayAfter).map(Duration::toMillis))
                .containsExactly(100L, 300L, 900L, 2000L, 2000L);
    }

    @Test
    void spreadsEachDelayWithinItsJitterButNeverBeyondTheMaximum() {
        DeadLetterPolicy jittery = NO_JITTER.toBuilder().jitter(0.5).build();
        Random random = new Random(7);

        for (int i = 0; i < 1_000; i++) {
            assertThat(jittery.delayAfter(2, random).toMillis()).isBetween(150L, 450L);
            assertThat(jittery.delayAfter(4, random).toMillis()).isBetween(1000L, 2000L);
        }
    }

    @Test
    void refusesAttemptsBelowOne() {
        assertThatThrownBy(() -> NO_JITTER.delayAfter(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 1");
    }

    @Test
    void validatesEveryValueAtOnce() {
        DeadLetterPolicy.Builder builder = DeadLetterPolicy.builder();

        assertThatThrownBy(() -> builder.maxAttempts(0)).hasMessageContaining("maxAttempts must be at least 1");
        assertThatThrownBy(() -> builder.initialDelay(Duration.ofMillis(-1))).hasMessageContaining("initialDelay");
        assertThatThrownBy(() -> builder.multiplier(0.5)).hasMessageContaining("multiplier");
        assertThatThrownBy(() -> builder.multiplier(Double.NaN)).hasMessageContaining("multiplier");
        assertThatThrownBy(() -> builder.maxDelay(Duration.ofMillis(-1))).hasMessageContaining("maxDelay");
        assertThatThrownBy(() -> builder.jitter(1.0)).hasMessageContaining("jitter");
    }

    @Test
    void refusesAMaximumDelayShorterThanTheInitialOne() {
        DeadLetterPolicy.Builder builder = DeadLetterPolicy.builder().initialDelay(Duration.ofSeconds(5))
                .maxDelay(Duration.ofSeconds(1));

        assertThatThrownBy(builder::build).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must not be shorter than initialDelay");
    }

    @Test
    void copiesAPolicyIntoABuilder() {
        assertThat(NO_JITTER.toBuilder().build()).isEqualTo(NO_JITTER);
        assertThat(NO_JITTER.toBuilder().maxAttempts(2).build()).isNotEqualTo(NO_JITTER);
    }
}
