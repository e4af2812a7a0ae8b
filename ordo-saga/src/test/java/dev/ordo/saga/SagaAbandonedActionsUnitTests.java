package dev.ordo.saga;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ordo.core.event.EventMetadata;
import dev.ordo.core.saga.InMemorySagaIndex;
import dev.ordo.core.saga.SagaStatus;
import dev.ordo.core.store.InMemoryEventStore;
import dev.ordo.jackson.JacksonStateCodec;
import dev.ordo.saga.FulfilmentSaga.Data;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A step that timed out was abandoned, not stopped: its action may still land. The engine waits for an action it
 * abandoned to stop before it compensates that step, so the compensation undoes what the late action did.
 */
class SagaAbandonedActionsUnitTests {

    private static final Duration WAIT = Duration.ofSeconds(20);

    /** A participant without a fence: releasing a reservation it does not hold records nothing. */
    private final Set<String> reservations = ConcurrentHashMap.newKeySet();

    @Test
    void aTimedOutStepIsCompensatedOnlyAfterItsAbandonedActionLanded() throws InterruptedException {
        CountDownLatch answer = new CountDownLatch(1);
        SagaDefinition<Data> saga = SagaDefinition.builder("late", JacksonStateCodec.of(Data.class, 1))
                .step(SagaStep.<Data>named("reserve")
                        .action(context -> {
                            // the request is on its way: an interrupt does not call it back
                            awaitUninterruptibly(answer);
                            reservations.add(context.invocationId());
                            return StepOutcome.done();
                        })
                        .compensation(context -> {
                            reservations.remove(context.invocationId().replace(":compensate", ""));
                            return null;
                        })
                        .timeout(Duration.ofMillis(100))
                        .build())
                .build();
        try (SagaEngine engine = SagaEngine.builder(new InMemoryEventStore(), new InMemorySagaIndex()).register(saga)
                .pollInterval(Duration.ofMillis(20)).build()) {
            UUID id = UUID.randomUUID();
            engine.start(saga, id, new Data("o", null, null, null), EventMetadata.empty());
            await().atMost(WAIT).until(() -> engine.state(id).status() != SagaStatus.RUNNING);

            answer.countDown();
            SagaState state = engine.await(id, WAIT, SagaStatus.COMPENSATED, SagaStatus.PARKED);

            assertThat(state.status()).isEqualTo(SagaStatus.COMPENSATED);
            assertThat(state.failure()).contains("step reserve timed out");
            assertThat(reservations).as("the late reservation was released").isEmpty();
        }
    }

    private static void awaitUninterruptibly(CountDownLatch latch) {
        boolean interrupted = false;
        while (true) {
            try {
                if (latch.await(30, TimeUnit.SECONDS)) {
                    break;
                }
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
