package dev.ordo.saga;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ordo.core.event.EventMetadata;
import dev.ordo.core.saga.InMemorySagaIndex;
import dev.ordo.core.saga.SagaStatus;
import dev.ordo.core.store.InMemoryEventStore;
import dev.ordo.jackson.JacksonStateCodec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The engine drives a bounded number of sagas at once. A backlog resumed after a crash is worked off a few sagas at a
 * time: a saga waiting its turn is not touched, so a crash before its turn does not count as a resumption of its
 * step, and a process that keeps being killed still finishes sagas instead of resuming every one and finishing none.
 */
class SagaDriveLimitUnitTests {

    private static final Duration WAIT = Duration.ofSeconds(20);

    record Data(String order) {
    }

    private final InMemoryEventStore store = new InMemoryEventStore();
    private final InMemorySagaIndex index = new InMemorySagaIndex();
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicInteger mostAtOnce = new AtomicInteger();
    private final Set<String> entered = ConcurrentHashMap.newKeySet();
    private final CountDownLatch gate = new CountDownLatch(1);

    private final SagaDefinition<Data> saga = SagaDefinition.builder("slow", JacksonStateCodec.of(Data.class, 1))
            .step(SagaStep.<Data>named("hold")
                    .action(context -> {
                        entered.add(context.invocationId());
                        mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
                        try {
                            gate.await();
                        } finally {
                            running.decrementAndGet();
                        }
                        return StepOutcome.done();
                    })
                    .timeout(Duration.ofSeconds(60))
                    .build())
            .build();

    private SagaEngine engine(int maxConcurrentDrives) {
        return SagaEngine.builder(store, index).register(saga).pollInterval(Duration.ofMillis(20))
                .maxConcurrentDrives(maxConcurrentDrives).build();
    }

    private List<UUID> start(SagaEngine engine, int sagas) {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < sagas; i++) {
            UUID id = UUID.randomUUID();
            engine.start(saga, id, new Data("order-" + i), EventMetadata.empty());
            ids.add(id);
        }
        return ids;
    }

    @Test
    void noMoreSagasAreDrivenAtOnceThanTheLimitAndEveryOneFinishes() throws InterruptedException {
        try (SagaEngine engine = engine(2)) {
            List<UUID> ids = start(engine, 6);
            await().atMost(WAIT).until(() -> running.get() == 2);

            assertThat(entered.size()).as("sagas waiting their turn have not begun their step").isEqualTo(2);
            gate.countDown();
            for (UUID id : ids) {
                SagaState s = engine.await(id, WAIT, SagaStatus.COMPLETED, SagaStatus.COMPENSATED); assertThat(s.status()).as(s.failure()).isEqualTo(SagaStatus.COMPLETED);
            }
            assertThat(mostAtOnce.get()).isEqualTo(2);
        }
    }

    @Test
    void aCrashWhileABacklogIsResumedCountsAResumptionOnlyForTheSagasWhoseTurnHadCome() throws InterruptedException {
        SagaEngine first = engine(32);
        List<UUID> ids = start(first, 5);
        await().atMost(WAIT).until(() -> running.get() == 5);
        first.shutdown(Duration.ZERO);

        SagaEngine second = engine(2);
        assertThat(second.resumeUnfinished()).isEqualTo(5);
        await().atMost(WAIT).until(() -> running.get() == 2);
        second.shutdown(Duration.ZERO);

        gate.countDown();
        List<Integer> resumptions = ids.stream().map(id -> second.state(id).step("hold").resumptions()).toList();
        assertThat(resumptions).containsExactlyInAnyOrder(1, 1, 0, 0, 0);
        try (SagaEngine third = engine(2)) {
            third.resumeUnfinished();
            for (UUID id : ids) {
                assertThat(third.await(id, WAIT, SagaStatus.COMPLETED).status()).isEqualTo(SagaStatus.COMPLETED);
            }
        }
    }
}
