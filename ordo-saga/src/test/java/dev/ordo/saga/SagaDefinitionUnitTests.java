package dev.ordo.saga;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ordo.jackson.JacksonStateCodec;
import dev.ordo.saga.FulfilmentSaga.Data;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SagaDefinitionUnitTests {

    private final SagaStep<Data> step = SagaStep.<Data>named("reserve").action(context -> StepOutcome.done()).build();

    @Test
    void refusesTwoStepsWithTheSameName() {
        assertThatThrownBy(() -> SagaDefinition.builder("s", JacksonStateCodec.of(Data.class, 1)).step(step).step(step)
                .build()).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("two steps named reserve");
    }

    @Test
    void refusesASagaWithoutSteps() {
        assertThatThrownBy(() -> SagaDefinition.builder("s", JacksonStateCodec.of(Data.class, 1)).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no steps");
    }

    @Test
    void refusesStepNamesThatAreNotLowerCaseWords() {
        assertThatThrownBy(() -> SagaStep.<Data>named("Reserve Stock").action(c -> StepOutcome.done()).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lower-case");
    }

    @Test
    void backoffGrowsExponentiallyUpToItsCap() {
        StepRetry retry = StepRetry.ofDefaults().withRandomization(0).withBackoff(Duration.ofMillis(100), 2,
                Duration.ofMillis(500));

        assertThat(retry.pauseAfter(1)).isEqualTo(Duration.ofMillis(100));
        assertThat(retry.pauseAfter(2)).isEqualTo(Duration.ofMillis(200));
        assertThat(retry.pauseAfter(3)).isEqualTo(Duration.ofMillis(400));
        assertThat(retry.pauseAfter(6)).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void jitterStaysWithinItsFraction() {
        StepRetry retry = StepRetry.ofDefaults().withRandomization(0.5).withBackoff(Duration.ofMillis(100), 2,
                Duration.ofSeconds(10));

        for (int i = 0; i < 200; i++) {
            assertThat(retry.pauseAfter(1).toMillis()).isBetween(50L, 150L);
        }
    }

    @Test
    void theDefaultPolicyDoesNotRetryWhatCannotSucceed() {
        assertThat(StepRetry.ofDefaults().retryable().test(new NonRetryableStepException("declined"))).isFalse();
        assertThat(StepRetry.ofDefaults().retryable().test(new IllegalStateException("busy"))).isTrue();
    }
}
