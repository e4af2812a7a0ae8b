package dev.ordo.marketplace.platform.sagas;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ordo.core.deadletter.DeadLetterQuery;
import dev.ordo.core.deadletter.DeadLetterStatus;
import dev.ordo.core.deadletter.InMemoryDeadLetterStore;
import dev.ordo.core.deadletter.Origin;
import dev.ordo.saga.ParkedCompensation;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DeadLetterParkedCompensationsUnitTests {

    private final InMemoryDeadLetterStore store = new InMemoryDeadLetterStore();
    private final DeadLetterParkedCompensations parked = new DeadLetterParkedCompensations(store);

    private ParkedCompensation compensation(UUID sagaId) {
        return new ParkedCompensation(sagaId, "order-fulfilment", "take-payment", sagaId + ":take-payment:compensate",
                5, "IllegalStateException: payment service unavailable", "java.lang.IllegalStateException: ...",
                Instant.parse("2026-11-22T10:00:00Z"));
    }

    @Test
    void aParkedCompensationBecomesAParkedDeadLetterOfItsSagaStep() {
        UUID sagaId = UUID.randomUUID();

        parked.record(compensation(sagaId));

        assertThat(store.list(DeadLetterQuery.all().withStatus(DeadLetterStatus.PARKED))).singleElement()
                .satisfies(letter -> {
                    assertThat(letter.origin()).isEqualTo(Origin.sagaStep("order-fulfilment"));
                    assertThat(letter.key()).isEqualTo(sagaId.toString());
                    assertThat(letter.failure().message()).contains("payment service unavailable");
                    assertThat(letter.failure().stackTrace()).startsWith("java.lang.IllegalStateException");
                });
        assertThat(parked.list()).singleElement().satisfies(p -> {
            assertThat(p.sagaId()).isEqualTo(sagaId);
            assertThat(p.step()).isEqualTo("take-payment");
            assertThat(p.attempts()).isEqualTo(5);
        });
    }

    @Test
    void aRedrivenSagaResolvesItsLetterAndKeepsTheOthers() {
        UUID redriven = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        parked.record(compensation(redriven));
        parked.record(compensation(other));

        parked.resolved(redriven);

        assertThat(parked.list()).extracting(ParkedCompensation::sagaId).containsExactly(other);
        assertThat(store.list(DeadLetterQuery.all().withStatus(DeadLetterStatus.RESOLVED))).singleElement()
                .satisfies(letter -> assertThat(letter.key()).isEqualTo(redriven.toString()));
    }
}
