package dev.ordo.core.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class HeadSignalUnitTests {

    private final HeadSignal signal = new HeadSignal();

    @Test
    void neverMovesBackwards() {
        signal.advance(10);
        signal.advance(4);

        assertThat(signal.head()).isEqualTo(10);
    }

    @Test
    void returnsAtOnceWhenTheHeadIsAlreadyBeyond() throws InterruptedException {
        signal.advance(5);

        assertThat(signal.awaitBeyond(4, Duration.ofHours(1))).isEqualTo(5);
    }

    @Test
    void wakesAWaiterWhenTheHeadMoves() throws Exception {
        CompletableFuture<Long> waiter = CompletableFuture.supplyAsync(() -> {
            try {
                return signal.awaitBeyond(0, Duration.ofHours(1));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });

        signal.advance(3);

        assertThat(waiter.get(10, TimeUnit.SECONDS)).isEqualTo(3);
    }

    @Test
    void wakeAllEndsEveryWaitWithoutAMove() throws Exception {
        CompletableFuture<Long> waiter = CompletableFuture.supplyAsync(() -> {
            try {
                return signal.awaitBeyond(0, Duration.ofHours(1));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        while (!waiter.isDone()) {
            signal.wakeAll();
            Thread.onSpinWait();
        }

        assertThat(waiter.get(10, TimeUnit.SECONDS)).isZero();
    }

    @Test
    void timesOutWhenNothingHappens() throws InterruptedException {
        assertThat(signal.awaitBeyond(0, Duration.ofMillis(20))).isZero();
    }
}
