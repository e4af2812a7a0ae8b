package dev.ordo.saga;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ordo.core.event.EventData;
import dev.ordo.core.event.EventMetadata;
import dev.ordo.core.event.EventTypeRegistry;
import dev.ordo.core.saga.SagaStatus;
import dev.ordo.core.store.ExpectedVersion;
import dev.ordo.core.store.InMemoryEventStore;
import dev.ordo.jackson.JacksonEventSerializer;
import dev.ordo.saga.SagaEvent.SagaStarted;
import dev.ordo.saga.SagaEvent.StepStarted;
import dev.ordo.saga.SagaEvent.StepSucceeded;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A step's success carries what certainly follows it (the next step's start, or the completion) in its own row. */
class SagaSuccessRowsUnitTests {

    private static final Instant NOW = Instant.parse("2026-12-05T10:00:00Z");
    private final UUID sagaId = UUID.randomUUID();
    private final SagaState reserving = SagaState.initial(sagaId)
            .evolve(new SagaStarted("order", "{}", NOW), 1)
            .evolve(new StepStarted("reserve", 1, sagaId + ":reserve", NOW), 2);

    @Test
    void aSuccessThatStartsTheNextStepFoldsAsTheSuccessAndTheFirstAttemptOfTheNextStep() {
        SagaState after = reserving.evolve(new StepSucceeded("reserve", NOW).startingNext("pay"), 3);

        assertThat(after.step("reserve").state()).isEqualTo(SagaState.StepState.SUCCEEDED);
        assertThat(after.step("pay").state()).isEqualTo(SagaState.StepState.STARTED);
        assertThat(after.step("pay").attempts()).isEqualTo(1);
        assertThat(after.version()).isEqualTo(3);
        assertThat(after).isEqualTo(reserving.evolve(new StepSucceeded("reserve", NOW), 3)
                .evolve(new StepStarted("pay", 1, sagaId + ":pay", NOW), 3));
    }

    @Test
    void aSuccessThatCompletesTheSagaFoldsAsTheSuccessAndTheCompletion() {
        SagaState after = reserving.evolve(new StepSucceeded("reserve", NOW).completingTheSaga(), 3);

        assertThat(after.step("reserve").state()).isEqualTo(SagaState.StepState.SUCCEEDED);
        assertThat(after.status()).isEqualTo(SagaStatus.COMPLETED);
    }

    @Test
    void successesStoredBeforeTheseFieldsExistedFoldAsPlainSuccesses() {
        InMemoryEventStore store = new InMemoryEventStore();
        JacksonEventSerializer serializer = JacksonEventSerializer.of(
                EventTypeRegistry.builder().registerSealed(SagaEvent.class).build());
        store.append(SagaJournal.stream(sagaId), ExpectedVersion.noStream(), List.of(
                serializer.serialize(new SagaStarted("order", "{}", NOW), EventMetadata.empty()),
                serializer.serialize(new StepStarted("reserve", 1, sagaId + ":reserve", NOW), EventMetadata.empty()),
                new EventData(UUID.randomUUID(), "saga.step-succeeded", 1,
                        "{\"step\":\"reserve\",\"data\":null,\"changes\":null,\"at\":\"2026-12-05T10:00:00Z\"}",
                        EventMetadata.empty())));

        SagaState folded = SagaJournal.open(store, serializer, sagaId).state();

        assertThat(folded.step("reserve").state()).isEqualTo(SagaState.StepState.SUCCEEDED);
        assertThat(folded.steps()).containsOnlyKeys("reserve");
        assertThat(folded.status()).isEqualTo(SagaStatus.RUNNING);
    }
}
