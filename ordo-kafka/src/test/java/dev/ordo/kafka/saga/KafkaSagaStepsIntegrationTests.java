package dev.ordo.kafka.saga;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import dev.ordo.core.event.RecordedEvent;
import dev.ordo.core.saga.SagaStatus;
import dev.ordo.core.store.EventStoreUnavailableException;
import dev.ordo.jdbc.OrdoDatabase;
import dev.ordo.kafka.saga.SagaOverKafka.BookShipment;
import dev.ordo.kafka.saga.SagaOverKafka.Booking;
import dev.ordo.kafka.saga.SagaOverKafka.ReserveStock;
import dev.ordo.kafka.saga.SagaOverKafka.Reservation;
import dev.ordo.saga.SagaState;
import dev.ordo.saga.StepRequest;
import dev.ordo.test.postgres.PostgresHarness;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sagas whose remote steps travel over a real broker to a participant with its own database. */
class KafkaSagaStepsIntegrationTests {

    @TempDir
    Path folder;

    @Test
    void manySagasCompleteWithEachParticipantEffectOnce() throws InterruptedException {
        try (SagaOverKafka sagas = new SagaOverKafka(folder, Duration.ofMinutes(1));
             StepParticipantEndpoint participant = sagas.transactionalParticipant().start()) {
            sagas.startSagaSide();
            List<UUID> ids = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                ids.add(sagas.start("o-" + i));
            }

            for (int i = 0; i < ids.size(); i++) {
                sagas.assertCompleted(sagas.await(ids.get(i)), "o-" + i);
            }
            Map<String, Integer> effects = sagas.effectsPerInvocation();
            assertThat(effects).hasSize(400).allSatisfy((invocation, count) -> assertThat(count).isOne());
            assertThat(sagas.compensations).isEmpty();
            assertThat(sagas.storedReplies()).isEqualTo(400);
        }
    }

    @Test
    void twoMembersOfAParticipantOnPostgresqlDoEachEffectOnce() throws InterruptedException {
        try (HikariDataSource pool = PostgresHarness.newDatabase().pool(4);
             SagaOverKafka sagas = new SagaOverKafka(folder, Duration.ofMinutes(1), OrdoDatabase.postgres(pool));
             StepParticipantEndpoint one = sagas.transactionalParticipant().start();
             StepParticipantEndpoint two = sagas.transactionalParticipant().start()) {
            sagas.startSagaSide();
            List<UUID> ids = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                ids.add(sagas.start("p-" + i));
            }

            for (int i = 0; i < ids.size(); i++) {
                sagas.assertCompleted(sagas.await(ids.get(i)), "p-" + i);
            }
            assertThat(sagas.effectsPerInvocation()).hasSize(100)
                    .allSatisfy((invocation, count) -> assertThat(count).isOne());
            assertThat(sagas.storedReplies()).isEqualTo(100);
        }
    }

    @Test
    void aRequestAndItsReplyDeliveredTwiceMakeOneEffectAndOneRecordedReply() throws InterruptedException {
        try (SagaOverKafka sagas = new SagaOverKafka(folder, Duration.ofMinutes(1))) {
            sagas.startSagaSide();
            UUID id = sagas.start("o-dup");
            await().atMost(SagaOverKafka.WAIT).until(() -> !sagas.sent.isEmpty());
            StepRequest reserve = sagas.sent.getFirst();
            try (KafkaStepChannel again = KafkaStepChannel.builder(SagaOverKafka.client(), SagaOverKafka.TYPES,
                    sagas.replyTopic).commandTopic(ReserveStock.class, sagas.stockTopic).build()) {
                again.send(reserve);
            }

            try (StepParticipantEndpoint participant = sagas.transactionalParticipant().start()) {
                sagas.assertCompleted(sagas.await(id), "o-dup");
                await().atMost(SagaOverKafka.WAIT).until(() -> sagas.delivered(reserve.invocationId()) == 2);
            }

            assertThat(sagas.effectsPerInvocation()).containsEntry(reserve.invocationId(), 1)
                    .containsEntry(id + ":book-shipment", 1).hasSize(2);
            assertThat(sagas.recorded(reserve.invocationId())).as("the duplicate reply is ignored").isOne();
            assertThat(sagas.storedReplies()).isEqualTo(2);
        }
    }

    @Test
    void aParticipantThatRefusesMakesTheSagaCompensateAsInProcess() throws InterruptedException {
        try (SagaOverKafka sagas = new SagaOverKafka(folder, Duration.ofMinutes(1));
             StepParticipantEndpoint participant = StepParticipantEndpoint.builder(SagaOverKafka.client(), "warehouse",
                             sagas.participantDb, SagaOverKafka.TYPES)
                     .commandTopics(sagas.stockTopic, sagas.shipmentTopic)
                     .handle(ReserveStock.class, (payload, request, connection) -> {
                         SagaOverKafka.effect(connection, request, "reserve");
                         return new Reservation("r-" + payload.order());
                     })
                     .handle(BookShipment.class, (payload, request, connection) -> {
                         SagaOverKafka.effect(connection, request, "book");
                         throw new IllegalStateException("no carrier serves " + payload.order());
                     })
                     .start()) {
            sagas.startSagaSide();
            UUID id = sagas.start("o-mars");

            SagaState state = sagas.await(id);

            assertThat(state.status()).isEqualTo(SagaStatus.COMPENSATED);
            assertThat(state.failure()).contains("book-shipment").contains("no carrier serves o-mars");
            assertThat(sagas.compensations).as("every attempted step, in reverse order, as in process (ADR 16)")
                    .containsExactly("cancel-shipment:o-mars", "release-stock:o-mars");
            assertThat(sagas.effectsPerInvocation()).as("the refusal's writes were rolled back")
                    .containsExactly(Map.entry(id + ":reserve-stock", 1));
        }
    }

    @Test
    void aParticipantWhoseDatabaseFailsForAWhileHandlesTheRequestLaterInsteadOfRefusingIt()
            throws InterruptedException {
        AtomicInteger failures = new AtomicInteger();
        try (SagaOverKafka sagas = new SagaOverKafka(folder, Duration.ofMinutes(1));
             StepParticipantEndpoint participant = StepParticipantEndpoint.builder(SagaOverKafka.client(), "warehouse",
                             sagas.participantDb, SagaOverKafka.TYPES)
                     .commandTopics(sagas.stockTopic, sagas.shipmentTopic)
                     .maxBackoff(Duration.ofMillis(100))
                     .handle(ReserveStock.class, (payload, request, connection) -> {
                         SagaOverKafka.effect(connection, request, "reserve");
                         if (failures.incrementAndGet() <= 3) {
                             throw new EventStoreUnavailableException("stock database restarting");
                         }
                         return new Reservation("r-" + payload.order());
                     })
                     .handle(BookShipment.class, (payload, request, connection) -> {
                         SagaOverKafka.effect(connection, request, "book");
                         return new Booking("T-" + payload.order());
                     })
                     .start()) {
            sagas.startSagaSide();
            UUID id = sagas.start("o-later");

            sagas.assertCompleted(sagas.await(id), "o-later");
            assertThat(failures.get()).isEqualTo(4);
            assertThat(sagas.effectsPerInvocation()).containsOnly(Map.entry(id + ":reserve-stock", 1),
                    Map.entry(id + ":book-shipment", 1));
        }
    }

    @Test
    void aRequestKafkaDoesNotAcknowledgeIsSentAgainWithoutCountingAgainstTheStepsAttempts()
            throws InterruptedException {
        try (SagaOverKafka sagas = new SagaOverKafka(folder, Duration.ofMinutes(1));
             StepParticipantEndpoint participant = sagas.transactionalParticipant().start()) {
            sagas.startSagaSide();
            sagas.sendsToNowhere.set(4);
            UUID id = sagas.start("o-outage");

            sagas.assertCompleted(sagas.await(id), "o-outage");
            assertThat(sagas.sendsToNowhere.get()).as("every failing send was made").isZero();
            assertThat(sagas.engine().history(id)).extracting(RecordedEvent::eventType)
                    .as("Kafka away is a transient failure, not a failed attempt of the step")
                    .doesNotContain("saga.step-attempt-failed", "saga.step-failed");
            assertThat(sagas.effectsPerInvocation()).containsOnly(Map.entry(id + ":reserve-stock", 1),
                    Map.entry(id + ":book-shipment", 1));
        }
    }

    @Test
    void aParticipantThatNeverAnswersIsAskedAgainAtEachDeadlineAndTheSagaCompensatesOnceTheAttemptsRanOut()
            throws InterruptedException {
        try (SagaOverKafka sagas = new SagaOverKafka(folder, Duration.ofSeconds(2))) {
            sagas.startSagaSide();
            UUID id = sagas.start("o-silent");

            SagaState state = sagas.await(id);

            assertThat(state.status()).isEqualTo(SagaStatus.COMPENSATED);
            assertThat(state.failure()).contains("reserve-stock").contains("deadline");
            assertThat(sagas.sent).as("one request per attempt of the step (3 by default), same invocation id")
                    .hasSize(3).extracting(StepRequest::invocationId).containsOnly(id + ":reserve-stock");
            assertThat(sagas.compensations).as("a step whose effect is unknown is compensated")
                    .containsExactly("release-stock:o-silent");
            assertThat(sagas.engine().index().get(id))
                    .hasValueSatisfying(summary -> assertThat(summary.status()).isEqualTo(SagaStatus.COMPENSATED));
        }
    }
}
