package dev.ordo.kafka.saga;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ordo.kafka.saga.SagaOverKafka.BookShipment;
import dev.ordo.kafka.saga.SagaOverKafka.Booking;
import dev.ordo.kafka.saga.SagaOverKafka.ReserveStock;
import dev.ordo.kafka.saga.SagaOverKafka.Reservation;
import dev.ordo.saga.SagaState;
import dev.ordo.saga.StepRequest;
import dev.ordo.test.faults.SimulatedCrash;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Either side of a saga over Kafka dies mid-step; the restarted side does no effect twice and the saga completes. */
class KafkaSagaCrashIntegrationTests {

    @TempDir
    Path folder;

    @Test
    void aParticipantThatDiesAfterItsReplyBeforeItsOffsetCommitDoesNotRepeatTheEffectWhenRestarted()
            throws InterruptedException {
        try (SagaOverKafka sagas = new SagaOverKafka(folder, Duration.ofMinutes(1))) {
            sagas.startSagaSide();
            List<String> handledByTheFirst = new CopyOnWriteArrayList<>();
            StepParticipantEndpoint first = sagas.transactionalParticipant().afterReplyPublished(request -> {
                handledByTheFirst.add(request.invocationId());
                throw new SimulatedCrash("after the reply, before the offset commit");
            }).start();
            UUID id = sagas.start("o-crash");
            await().atMost(SagaOverKafka.WAIT).until(() -> !first.isRunning());
            first.close();
            String reserve = id + ":reserve-stock";
            assertThat(handledByTheFirst).containsExactly(reserve);

            List<String> handledByTheSecond = new CopyOnWriteArrayList<>();
            try (StepParticipantEndpoint second = sagas.transactionalParticipant()
                    .afterReplyPublished(request -> handledByTheSecond.add(request.invocationId())).start()) {
                sagas.assertCompleted(sagas.await(id), "o-crash");
                await().atMost(SagaOverKafka.WAIT).until(() -> sagas.delivered(reserve) == 2);
            }

            assertThat(handledByTheSecond).as("the uncommitted request is read again").contains(reserve);
            assertThat(sagas.effectsPerInvocation()).containsOnly(Map.entry(reserve, 1),
                    Map.entry(id + ":book-shipment", 1));
            assertThat(sagas.recorded(reserve)).isOne();
        }
    }

    @Test
    void anIdempotentHandlerThatDiesBeforeTheInboxCommitRunsAgainWithoutASecondEffect() throws InterruptedException {
        try (SagaOverKafka sagas = new SagaOverKafka(folder, Duration.ofMinutes(1))) {
            sagas.startSagaSide();
            AtomicInteger calls = new AtomicInteger();
            StepParticipantEndpoint first = idempotentParticipant(sagas, calls, true).start();
            UUID id = sagas.start("o-elsewhere");
            await().atMost(SagaOverKafka.WAIT).until(() -> !first.isRunning());
            first.close();
            assertThat(sagas.storedReplies()).as("the crash came before the inbox's commit").isZero();

            try (StepParticipantEndpoint second = idempotentParticipant(sagas, calls, false).start()) {
                sagas.assertCompleted(sagas.await(id), "o-elsewhere");
            }

            assertThat(calls.get()).as("the handler ran again for the same invocation").isEqualTo(3);
            assertThat(sagas.effectsPerInvocation()).containsOnly(Map.entry(id + ":reserve-stock", 1),
                    Map.entry(id + ":book-shipment", 1));
            assertThat(sagas.storedReplies()).isEqualTo(2);
        }
    }

    /**
     * Handlers whose effect goes elsewhere (here a table of the participant's database written in a transaction of its
     * own), made idempotent by the invocation id as key; the first endpoint dies right after the first effect.
     */
    private static StepParticipantEndpoint.Builder idempotentParticipant(SagaOverKafka sagas, AtomicInteger calls,
                                                                       boolean crashAfterTheEffect) {
        return StepParticipantEndpoint.builder(SagaOverKafka.client(), "warehouse", sagas.participantDb,
                        SagaOverKafka.TYPES)
                .commandTopics(sagas.stockTopic, sagas.shipmentTopic)
                .maxBackoff(Duration.ofMillis(200))
                .handleIdempotent(ReserveStock.class, (payload, request) -> {
                    calls.incrementAndGet();
                    sagas.idempotentEffect(request, "reserve");
                    if (crashAfterTheEffect) {
                        throw new SimulatedCrash("after the effect, before the inbox's commit");
                    }
                    return new Reservation("r-" + payload.order());
                })
                .handleIdempotent(BookShipment.class, (payload, request) -> {
                    calls.incrementAndGet();
                    sagas.idempotentEffect(request, "book");
                    return new Booking("T-" + payload.order());
                });
    }

    @Test
    void aSagaProcessThatDiesAfterSendingARequestResendsItAndTheParticipantWorksOnce() throws InterruptedException {
        try (SagaOverKafka sagas = new SagaOverKafka(folder, Duration.ofMinutes(1))) {
            sagas.startSagaSide();
            UUID id = sagas.start("o-restart");
            String reserve = id + ":reserve-stock";
            await().atMost(SagaOverKafka.WAIT).until(() -> sagas.engine().state(id).step("reserve-stock").state()
                    == SagaState.StepState.AWAITING_REPLY);
            sagas.stopSagaSide();

            assertThat(sagas.startSagaSide()).as("sagas resumed").isOne();
            await().atMost(SagaOverKafka.WAIT).until(() -> sagas.sent.size() == 2);
            assertThat(sagas.sent).extracting(StepRequest::invocationId).containsExactly(reserve, reserve);

            try (StepParticipantEndpoint participant = sagas.transactionalParticipant().start()) {
                sagas.assertCompleted(sagas.await(id), "o-restart");
                await().atMost(SagaOverKafka.WAIT).until(() -> sagas.delivered(reserve) == 2);
            }

            assertThat(sagas.effectsPerInvocation()).containsOnly(Map.entry(reserve, 1),
                    Map.entry(id + ":book-shipment", 1));
            assertThat(sagas.recorded(reserve)).as("the second reply is a duplicate the engine ignores").isOne();
        }
    }
}
