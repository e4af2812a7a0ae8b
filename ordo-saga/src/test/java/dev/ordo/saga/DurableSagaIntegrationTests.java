package dev.ordo.saga;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ordo.core.event.EventMetadata;
import dev.ordo.core.saga.SagaStatus;
import dev.ordo.jdbc.JdbcEventStore;
import dev.ordo.jdbc.JdbcSagaIndex;
import dev.ordo.jdbc.OrdoDatabase;
import dev.ordo.saga.FulfilmentSaga.Data;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sagas on a real SQLite file: a whole process restart (database reopened) resumes them. */
class DurableSagaIntegrationTests {

    @TempDir
    Path folder;

    @Test
    void aSagaInterruptedByAProcessRestartCompletesWithEveryEffectOnce() throws InterruptedException {
        Ledger ledger = new Ledger();
        SagaDefinition<Data> saga = FulfilmentSaga.definition(ledger, Duration.ofSeconds(30));
        Path file = folder.resolve("ordo.db");
        UUID id = UUID.randomUUID();
        ledger.once("ship", Ledger.Behaviour.HANG_AFTER_EFFECT);

        OrdoDatabase before = OrdoDatabase.sqlite(file);
        JdbcEventStore storeBefore = JdbcEventStore.create(before);
        SagaEngine first = SagaEngine.builder(storeBefore, JdbcSagaIndex.create(before)).register(saga).build();
        first.start(saga, id, new Data("o", null, null, null), EventMetadata.empty());
        assertThat(ledger.awaitHang()).isTrue();
        first.shutdown(Duration.ZERO);
        storeBefore.close();
        before.close();

        try (OrdoDatabase after = OrdoDatabase.sqlite(file);
             JdbcEventStore store = JdbcEventStore.create(after);
             SagaEngine second = SagaEngine.builder(store, JdbcSagaIndex.create(after)).register(saga).build()) {
            assertThat(second.resumeUnfinished()).isEqualTo(1);
            SagaState state = second.await(id, Duration.ofSeconds(20), SagaStatus.COMPLETED, SagaStatus.COMPENSATED);

            assertThat(state.status()).isEqualTo(SagaStatus.COMPLETED);
            assertThat(ledger.effects()).containsExactly("reserve", "pay", "ship", "confirm");
            assertThat(second.index().get(id)).hasValueSatisfying(s -> assertThat(s.status()).isEqualTo(SagaStatus.COMPLETED));
        }
    }
}
