package dev.ordo.kafka.saga;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ordo.core.saga.SagaStatus;
import dev.ordo.kafka.saga.SagaOverKafka.BookShipment;
import dev.ordo.kafka.saga.SagaOverKafka.Booking;
import dev.ordo.kafka.saga.SagaOverKafka.ReserveStock;
import dev.ordo.kafka.saga.SagaOverKafka.Reservation;
import dev.ordo.test.faults.SeededFaults;
import dev.ordo.test.faults.SimulatedCrash;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A participant that dies at seeded random points, and is restarted each time, still does every effect once. */
class KafkaSagaRandomCrashIntegrationTests {

    private static final int MOST_CRASHES = 4;

    @TempDir
    Path folder;

    private final SeededFaults faults = SeededFaults.fromSystemPropertyOrRandom(getClass().getSimpleName());
    private final AtomicInteger crashes = new AtomicInteger();

    /** Whether to die here: always the first time, then at random, at most {@value #MOST_CRASHES} times in all. */
    private void maybeDie(String where) {
        synchronized (crashes) {
            if (crashes.get() < MOST_CRASHES && (crashes.get() == 0 || faults.chance(0.15))) {
                crashes.incrementAndGet();
                throw new SimulatedCrash(where);
            }
        }
    }

    @Test
    void aParticipantDyingAtRandomPointsOfBothHandlerShapesDoesEveryEffectOnce() throws InterruptedException {
        try (SagaOverKafka sagas = new SagaOverKafka(folder, Duration.ofMinutes(1))) {
            sagas.startSagaSide();
            StepParticipantEndpoint[] participant = {participant(sagas)};
            List<UUID> ids = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                ids.add(sagas.start("o-" + i));
            }

            AtomicInteger restarts = new AtomicInteger();
            await().atMost(SagaOverKafka.WAIT).pollInterval(Duration.ofMillis(50)).until(() -> {
                if (!participant[0].isRunning()) {
                    participant[0].close();
                    participant[0] = participant(sagas);
                    restarts.incrementAndGet();
                }
                return ids.stream().allMatch(id -> sagas.engine().state(id).status() == SagaStatus.COMPLETED);
            });
            participant[0].close();

            for (int i = 0; i < ids.size(); i++) {
                sagas.assertCompleted(sagas.await(ids.get(i)), "o-" + i);
            }
            assertThat(crashes.get()).as(faults.toString()).isPositive();
            assertThat(restarts.get()).as("the last death may come after the last reply").isPositive();
            assertThat(sagas.effectsPerInvocation()).as(faults.toString()).hasSize(60)
                    .allSatisfy((invocation, count) -> assertThat(count).as(invocation).isOne());
        }
    }

    /**
     * Stock is reserved in the inbox's transaction, a shipment booked by an idempotent handler outside it; the
     * endpoint may die after either effect (before the inbox's commit) or after a reply (before the offset commit).
     */
    private StepParticipantEndpoint participant(SagaOverKafka sagas) {
        return StepParticipantEndpoint.builder(SagaOverKafka.client(), "warehouse", sagas.participantDb,
                        SagaOverKafka.TYPES)
                .commandTopics(sagas.stockTopic, sagas.shipmentTopic)
                .maxBackoff(Duration.ofMillis(200))
                .handle(ReserveStock.class, (payload, request, connection) -> {
                    SagaOverKafka.effect(connection, request, "reserve");
                    maybeDie("after the reservation, inside the inbox's transaction");
                    return new Reservation("r-" + payload.order());
                })
                .handleIdempotent(BookShipment.class, (payload, request) -> {
                    sagas.idempotentEffect(request, "book");
                    maybeDie("after the booking, before the inbox's commit");
                    return new Booking("T-" + payload.order());
                })
                .afterReplyPublished(request -> maybeDie("after the reply, before the offset commit"))
                .start();
    }
}
