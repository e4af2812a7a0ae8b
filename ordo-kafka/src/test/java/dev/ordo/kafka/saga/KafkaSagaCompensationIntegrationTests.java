package dev.ordo.kafka.saga;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ordo.core.saga.SagaStatus;
import dev.ordo.kafka.saga.SagaOverKafka.BookShipment;
import dev.ordo.kafka.saga.SagaOverKafka.ReleaseStock;
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

/**
 * A saga whose later step is refused releases the stock an earlier step reserved by a request to the participant over
 * Kafka and its reply: the release happens once, whatever is delivered twice or wherever the participant dies.
 */
class KafkaSagaCompensationIntegrationTests {

    @TempDir
    Path folder;

    @Test
    void aRefusedShipmentReleasesTheReservedStockOverKafkaOnce() throws InterruptedException {
        try (SagaOverKafka sagas = new SagaOverKafka(folder, Duration.ofMinutes(1));
             StepParticipantEndpoint participant = sagas.refusingShipmentsParticipant().start()) {
            sagas.releaseStockOverKafka();
            sagas.startSagaSide();
            UUID id = sagas.start("o-mars");
            String release = id + ":reserve-stock:compensate";

            SagaState state = sagas.await(id);

            assertCompensated(sagas, state, id, "o-mars");
            assertThat(sagas.sent).filteredOn(StepRequest::isCompensation).extracting(StepRequest::invocationId)
                    .containsExactly(release);
            assertThat(sagas.recorded(release)).isOne();
            assertThat(sagas.storedReplies()).as("reservation, refused booking, release").isEqualTo(3);
        }
    }

    @Test
    void aReleaseRequestDeliveredTwiceReleasesOnceAndItsSecondReplyIsIgnored() throws InterruptedException {
        try (SagaOverKafka sagas = new SagaOverKafka(folder, Duration.ofMinutes(1));
             StepParticipantEndpoint participant = sagas.refusingShipmentsParticipant().start()) {
            sagas.releaseStockOverKafka();
            sagas.startSagaSide();
            UUID id = sagas.start("o-twice");
            String release = id + ":reserve-stock:compensate";
            assertCompensated(sagas, sagas.await(id), id, "o-twice");
            StepRequest request = sagas.sent.stream().filter(StepRequest::isCompensation).findFirst().orElseThrow();

            try (KafkaStepChannel again = KafkaStepChannel.builder(SagaOverKafka.client(), SagaOverKafka.TYPES,
                    sagas.replyTopic).commandTopic(ReleaseStock.class, sagas.stockTopic).build()) {
                again.send(request);
            }
            await().atMost(SagaOverKafka.WAIT).until(() -> sagas.delivered(release) == 2);

            assertThat(sagas.effectsPerInvocation()).containsEntry(release, 1);
            assertThat(sagas.recorded(release)).as("the duplicate reply is ignored").isOne();
            assertThat(sagas.engine().state(id).status()).isEqualTo(SagaStatus.COMPENSATED);
        }
    }

    @Test
    void aParticipantThatDiesBetweenItsCommitAndTheReleasesReplyReleasesOnceWhenRestarted()
            throws InterruptedException {
        try (SagaOverKafka sagas = new SagaOverKafka(folder, Duration.ofMinutes(1))) {
            sagas.releaseStockOverKafka();
            sagas.startSagaSide();
            List<String> diedAfterCommitting = new CopyOnWriteArrayList<>();
            StepParticipantEndpoint first = sagas.refusingShipmentsParticipant().beforeReplyPublished(request -> {
                if (request.isCompensation()) {
                    diedAfterCommitting.add(request.invocationId());
                    throw new SimulatedCrash("after the release's commit, before its reply");
                }
            }).start();
            UUID id = sagas.start("o-crash");
            String release = id + ":reserve-stock:compensate";
            await().atMost(SagaOverKafka.WAIT).until(() -> !first.isRunning());
            first.close();
            assertThat(diedAfterCommitting).containsExactly(release);
            assertThat(sagas.effectsPerInvocation()).as("committed, but not answered").containsEntry(release, 1);
            assertThat(sagas.engine().state(id).step("reserve-stock").state())
                    .isEqualTo(SagaState.StepState.COMPENSATION_AWAITING_REPLY);

            try (StepParticipantEndpoint second = sagas.refusingShipmentsParticipant().start()) {
                assertCompensated(sagas, sagas.await(id), id, "o-crash");
            }

            assertThat(sagas.recorded(release)).isOne();
            assertThat(sagas.engine().state(id).step("reserve-stock").compensationAttempts())
                    .as("the stored reply answered the same attempt").isOne();
        }
    }

    @Test
    void aParticipantThatDiesAfterTheReleasesReplyBeforeItsOffsetCommitDoesNotReleaseAgain()
            throws InterruptedException {
        try (SagaOverKafka sagas = new SagaOverKafka(folder, Duration.ofMinutes(1))) {
            sagas.releaseStockOverKafka();
            sagas.startSagaSide();
            StepParticipantEndpoint first = sagas.refusingShipmentsParticipant().afterReplyPublished(request -> {
                if (request.isCompensation()) {
                    throw new SimulatedCrash("after the release's reply, before the offset commit");
                }
            }).start();
            UUID id = sagas.start("o-late");
            String release = id + ":reserve-stock:compensate";
            await().atMost(SagaOverKafka.WAIT).until(() -> !first.isRunning());
            first.close();

            try (StepParticipantEndpoint second = sagas.refusingShipmentsParticipant().start()) {
                assertCompensated(sagas, sagas.await(id), id, "o-late");
                await().atMost(SagaOverKafka.WAIT).until(() -> sagas.delivered(release) == 2);
            }

            assertThat(sagas.recorded(release)).as("the second reply is a duplicate the engine ignores").isOne();
        }
    }

    @Test
    void aSagaProcessRestartedWhileTheReleaseWaitsSendsItAgainAndTheParticipantReleasesOnce()
            throws InterruptedException {
        try (SagaOverKafka sagas = new SagaOverKafka(folder, Duration.ofMinutes(1))) {
            sagas.releaseStockOverKafka();
            sagas.startSagaSide();
            StepParticipantEndpoint first = sagas.refusingShipmentsParticipant().beforeReplyPublished(request -> {
                if (request.isCompensation()) {
                    throw new SimulatedCrash("after the release's commit, before its reply");
                }
            }).start();
            UUID id = sagas.start("o-restart");
            String release = id + ":reserve-stock:compensate";
            await().atMost(SagaOverKafka.WAIT).until(() -> !first.isRunning());
            first.close();
            sagas.stopSagaSide();

            assertThat(sagas.startSagaSide()).as("sagas resumed").isOne();
            await().atMost(SagaOverKafka.WAIT).until(() -> sagas.sent.stream()
                    .filter(request -> request.invocationId().equals(release)).count() == 2);

            try (StepParticipantEndpoint second = sagas.refusingShipmentsParticipant().start()) {
                assertCompensated(sagas, sagas.await(id), id, "o-restart");
                await().atMost(SagaOverKafka.WAIT).until(() -> sagas.delivered(release) == 2);
            }

            assertThat(sagas.recorded(release)).as("both requests answered from one release, one reply recorded")
                    .isOne();
        }
    }

    @Test
    void aRefusedReleaseIsTriedAgainAndTheParticipantRunsItAgainInsteadOfRepeatingTheRefusal()
            throws InterruptedException {
        AtomicInteger releases = new AtomicInteger();
        try (SagaOverKafka sagas = new SagaOverKafka(folder, Duration.ofMinutes(1));
             StepParticipantEndpoint participant = StepParticipantEndpoint.builder(SagaOverKafka.client(),
                             "warehouse", sagas.participantDb, SagaOverKafka.TYPES)
                     .commandTopics(sagas.stockTopic, sagas.shipmentTopic)
                     .maxBackoff(Duration.ofMillis(200))
                     .handle(ReserveStock.class, (payload, request, connection) -> {
                         SagaOverKafka.effect(connection, request, "reserve");
                         return new Reservation("r-" + payload.order());
                     })
                     .handle(ReleaseStock.class, (payload, request, connection) -> {
                         SagaOverKafka.effect(connection, request, "release " + payload.reservation());
                         if (releases.incrementAndGet() == 1) {
                             throw new IllegalStateException("the stock ledger is closed for the night");
                         }
                         return null;
                     })
                     .handle(BookShipment.class, (payload, request, connection) -> {
                         throw new IllegalStateException("no carrier serves " + payload.order());
                     })
                     .start()) {
            sagas.releaseStockOverKafka();
            sagas.startSagaSide();
            UUID id = sagas.start("o-night");

            SagaState state = sagas.await(id);

            assertThat(state.status()).as(state.failure()).isEqualTo(SagaStatus.COMPENSATED);
            assertThat(state.step("reserve-stock").compensationAttempts()).isEqualTo(2);
            assertThat(releases).hasValue(2);
            assertThat(sagas.effectsOf(id + ":reserve-stock:compensate")).as("the refusal's writes rolled back")
                    .containsExactly("release r-o-night");
        }
    }

    private static void assertCompensated(SagaOverKafka sagas, SagaState state, UUID id, String order) {
        assertThat(state.status()).as("saga of %s: %s", order, state.failure()).isEqualTo(SagaStatus.COMPENSATED);
        assertThat(state.failure()).contains("book-shipment").contains("no carrier serves " + order);
        assertThat(sagas.compensations).as("the booking is undone in process").containsExactly(
                "cancel-shipment:" + order);
        assertThat(sagas.effectsPerInvocation()).as("the refused booking's writes were rolled back")
                .containsOnly(Map.entry(id + ":reserve-stock", 1), Map.entry(id + ":reserve-stock:compensate", 1));
        assertThat(sagas.effectsOf(id + ":reserve-stock:compensate")).containsExactly("release r-" + order);
    }
}
