package dev.ordo.coordination.participant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ParticipantConfigUnitTests {

    @Test
    void defaultsToAOneSecondLimitTheRegistrysBreakerNoRetryAndNoBulkhead() {
        ParticipantConfig defaults = ParticipantConfig.ofDefaults();

        assertThat(defaults.timeLimit()).isEqualTo(Duration.ofSeconds(1));
        assertThat(defaults.circuitBreaker()).isEmpty();
        assertThat(defaults.maxAttempts()).isEqualTo(1);
        assertThat(defaults.maxConcurrentCalls()).isEmpty();
        assertThat(defaults.retryOn()).isEmpty();
        assertThat(defaults.isRetryable(new IOException("reset"))).isTrue();
        assertThat(defaults.isRetryable(new StackOverflowError())).isFalse();
        assertThat(defaults.isRetryable(new InterruptedException())).isFalse();
    }

    @Test
    void rejectsSettingsThatCannotWork() {
        ParticipantConfig.Builder builder = ParticipantConfig.builder();

        assertThatThrownBy(() -> builder.timeLimit(Duration.ZERO)).hasMessageContaining("timeLimit must be positive");
        assertThatThrownBy(() -> builder.retry(0, Duration.ofMillis(10))).hasMessageContaining("at least 1");
        assertThatThrownBy(() -> builder.retry(3, Duration.ZERO)).hasMessageContaining("at least 1 ms");
        assertThatThrownBy(() -> builder.backoffMultiplier(0.5)).hasMessageContaining("at least 1");
        assertThatThrownBy(() -> builder.backoffMultiplier(Double.NaN)).hasMessageContaining("at least 1");
        assertThatThrownBy(() -> builder.jitter(1.0)).hasMessageContaining("[0, 1)");
        assertThatThrownBy(() -> builder.bulkhead(0, Duration.ZERO)).hasMessageContaining("maxConcurrentCalls");
        assertThatThrownBy(() -> builder.bulkhead(1, Duration.ofMillis(-1))).hasMessageContaining("maxWait");
        assertThatThrownBy(builder::retryOn).hasMessageContaining("at least one exception type");
        assertThatThrownBy(() -> builder.retry(3, Duration.ofSeconds(20)).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxBackoff (PT10S) must not be below initialBackoff (PT20S)");
    }

    @Test
    void keepsWhatWasSet() {
        ParticipantConfig config = ParticipantConfig.builder()
                .timeLimit(Duration.ofMillis(250))
                .retry(4, Duration.ofMillis(20))
                .backoffMultiplier(1.5)
                .jitter(0.1)
                .maxBackoff(Duration.ofSeconds(1))
                .retryOn(IOException.class)
                .bulkhead(8, Duration.ofMillis(5))
                .build();

        assertThat(config.timeLimit()).isEqualTo(Duration.ofMillis(250));
        assertThat(config.maxAttempts()).isEqualTo(4);
        assertThat(config.initialBackoff()).isEqualTo(Duration.ofMillis(20));
        assertThat(config.backoffMultiplier()).isEqualTo(1.5);
        assertThat(config.jitter()).isEqualTo(0.1);
        assertThat(config.maxBackoff()).isEqualTo(Duration.ofSeconds(1));
        assertThat(config.maxConcurrentCalls()).hasValue(8);
        assertThat(config.maxBulkheadWait()).isEqualTo(Duration.ofMillis(5));
        assertThat(config.isRetryable(new IOException("reset"))).isTrue();
        assertThat(config.isRetryable(new IllegalStateException())).isFalse();
    }
}
