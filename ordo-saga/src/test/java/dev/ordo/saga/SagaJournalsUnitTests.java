package dev.ordo.saga;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ordo.core.event.EventMetadata;
import dev.ordo.core.event.EventSerializer;
import dev.ordo.core.event.EventTypeRegistry;
import dev.ordo.core.store.InMemoryEventStore;
import dev.ordo.jackson.JacksonEventSerializer;
import dev.ordo.saga.SagaEvent.SagaCompleted;
import dev.ordo.saga.SagaEvent.SagaStarted;
import dev.ordo.saga.SagaEvent.StepStarted;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A saga's journal is kept between drives only while its stream stays where the journal last saw it. */
class SagaJournalsUnitTests {

    private static final Instant NOW = Instant.parse("2026-12-05T10:00:00Z");

    private final InMemoryEventStore store = new InMemoryEventStore();
    private final EventSerializer serializer = JacksonEventSerializer.of(
            EventTypeRegistry.builder().registerSealed(SagaEvent.class).build());
    private final SagaJournals journals = new SagaJournals(store, serializer, 2);

    private UUID started() {
        UUID sagaId = UUID.randomUUID();
        SagaJournal.open(store, serializer, sagaId).append(EventMetadata.empty(),
                new SagaStarted("order", "{}", NOW));
        return sagaId;
    }

    @Test
    void keepsTheJournalOfARunningSagaWhileNothingWasAppendedToItsStream() {
        UUID sagaId = started();
        SagaJournal first = journals.open(sagaId);
        first.append(EventMetadata.empty(), new StepStarted("reserve", 1, sagaId + ":reserve", NOW));

        SagaJournal again = journals.open(sagaId);

        assertThat(again).isSameAs(first);
        assertThat(again.state().version()).isEqualTo(2);
    }

    @Test
    void foldsTheStreamAgainWhenSomebodyElseAppendedToIt() {
        UUID sagaId = started();
        SagaJournal kept = journals.open(sagaId);
        SagaJournal.open(store, serializer, sagaId).append(EventMetadata.empty(),
                new StepStarted("reserve", 1, sagaId + ":reserve", NOW));

        SagaJournal again = journals.open(sagaId);

        assertThat(again).isNotSameAs(kept);
        assertThat(again.state().version()).isEqualTo(2);
        assertThat(again.state().step("reserve").state()).isEqualTo(SagaState.StepState.STARTED);
    }

    @Test
    void keepsNeitherFinishedNorUnknownSagasAndForgetsTheLeastRecentlyUsedBeyondItsCapacity() {
        UUID finished = started();
        SagaJournal.open(store, serializer, finished).append(EventMetadata.empty(), new SagaCompleted(NOW));
        journals.open(finished);
        journals.open(UUID.randomUUID());
        assertThat(journals.size()).isZero();

        UUID first = started();
        UUID second = started();
        UUID third = started();
        SagaJournal firstJournal = journals.open(first);
        journals.open(second);
        journals.open(third);

        assertThat(journals.size()).isEqualTo(2);
        assertThat(journals.open(first)).as("the least recently used was dropped and is folded again")
                .isNotSameAs(firstJournal);
    }

    @Test
    void forgetsASagaWhenToldTo() {
        UUID sagaId = started();
        SagaJournal kept = journals.open(sagaId);

        journals.forget(sagaId);

        assertThat(journals.open(sagaId)).isNotSameAs(kept);
    }
}
