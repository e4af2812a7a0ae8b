package dev.ordo.core.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffUnitTests {

    @Test
    void doublesFromAHundredMillisecondsUpToItsMaximumAndStartsOverAfterAReset() {
        Backoff backoff = new Backoff(Duration.ofMillis(500));

        assertThat(backoff.next()).isEqualTo(Duration.ofMillis(100));
        assertThat(backoff.next()).isEqualTo(Duration.ofMillis(200));
        assertThat(backoff.next()).isEqualTo(Duration.ofMillis(400));
        assertThat(backoff.next()).isEqualTo(Duration.ofMillis(500));
        assertThat(backoff.next()).isEqualTo(Duration.ofMillis(500));
        backoff.reset();
        assertThat(backoff.next()).isEqualTo(Duration.ofMillis(100));
    }

    @Test
    void neverPausesLongerThanAMaximumBelowTheFirstPause() {
        Backoff backoff = new Backoff(Duration.ofMillis(20));

        assertThat(backoff.next()).isEqualTo(Duration.ofMillis(20));
        assertThat(backoff.next()).isEqualTo(Duration.ofMillis(20));
    }
}
