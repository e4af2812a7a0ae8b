package dev.ordo.saga;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class SagaLocksUnitTests {

    private final SagaLocks locks = new SagaLocks();

    @Test
    void aSagasLockKeepsOthersOfTheSameSagaWaitingUntilItIsReleased() throws InterruptedException {
        UUID saga = UUID.randomUUID();
        AtomicBoolean acquired = new AtomicBoolean();
        SagaLocks.Held held = locks.lock(saga);
        Thread waiter = Thread.ofVirtual().start(() -> {
            try (SagaLocks.Held second = locks.lock(saga)) {
                acquired.set(true);
            }
        });

        await().atMost(Duration.ofSeconds(10)).until(() -> waiter.getState() == Thread.State.WAITING);
        assertThat(acquired).isFalse();
        held.close();
        waiter.join(Duration.ofSeconds(10));

        assertThat(acquired).isTrue();
    }

    @Test
    void differentSagasNeverWaitForEachOther() {
        try (SagaLocks.Held first = locks.lock(UUID.randomUUID());
             SagaLocks.Held second = locks.lock(UUID.randomUUID())) {
            assertThat(locks.size()).isEqualTo(2);
        }
    }

    @Test
    void aLockIsReentrantAndForgottenOnceNobodyHoldsIt() {
        UUID saga = UUID.randomUUID();
        try (SagaLocks.Held outer = locks.lock(saga); SagaLocks.Held inner = locks.lock(saga)) {
            assertThat(locks.size()).isEqualTo(1);
        }

        assertThat(locks.size()).isZero();
    }
}
