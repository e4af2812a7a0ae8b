package dev.ordo.saga;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ordo.core.event.EventMetadata;
import dev.ordo.core.event.RecordedEvent;
import dev.ordo.core.saga.InMemorySagaIndex;
import dev.ordo.core.saga.SagaStatus;
import dev.ordo.core.store.InMemoryEventStore;
import dev.ordo.jackson.JacksonStateCodec;
import dev.ordo.saga.FulfilmentSaga.Data;
import dev.ordo.saga.SagaEvent.StepSucceeded;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.NullNode;

/** A step records what it changed in the saga's data, not the whole data again. */
class SagaDataChangesUnitTests {

    private static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void aPatchHoldsOnlyTheChangedMembersAndRebuildsTheDataExactly() {
        String before = "{\"order\":\"o-1\",\"lines\":[{\"sku\":\"a\",\"n\":1}],\"address\":{\"city\":\"Lyon\",\"zip\":\"69001\"},"
                + "\"payment\":null,\"note\":\"gift\"}";
        String after = "{\"order\":\"o-1\",\"lines\":[{\"sku\":\"a\",\"n\":1}],\"address\":{\"city\":\"Paris\",\"zip\":\"69001\"},"
                + "\"payment\":\"p-9\"}";

        StepSucceeded succeeded = StepSucceeded.changing("pay", before, after, NOW);

        assertThat(succeeded.data()).isNull();
        assertThat(JSON.writeValueAsString(succeeded.changes()))
                .isEqualTo("{\"address\":{\"city\":\"Paris\"},\"payment\":\"p-9\",\"note\":null}");
        assertThat(JSON.readTree(succeeded.dataAfter(before))).isEqualTo(JSON.readTree(after));
    }

    @Test
    void anUnchangedOrNonObjectDataIsRecordedAsNothingOrWhole() {
        assertThat(StepSucceeded.changing("s", "{\"a\":1}", "{\"a\":1}", NOW)).isEqualTo(new StepSucceeded("s", NOW));
        assertThat(StepSucceeded.changing("s", "{\"a\":1}", "{ \"a\" : 1 }", NOW)).isEqualTo(new StepSucceeded("s", NOW));
        assertThat(StepSucceeded.changing("s", "[1]", "[2]", NOW)).isEqualTo(new StepSucceeded("s", "[2]", null, NOW));
        assertThat(StepSucceeded.changing("s", "{\"a\":1}", "not json", NOW).data()).isEqualTo("not json");
        assertThat(new StepSucceeded("s", "{\"a\":2}", null, NOW).dataAfter("{\"a\":1}"))
                .as("an event written before patches").isEqualTo("{\"a\":2}");
        assertThat(new StepSucceeded("s", NOW).dataAfter("{\"a\":1}")).isEqualTo("{\"a\":1}");
        assertThat(new StepSucceeded("s", null, NullNode.getInstance(), NOW).dataAfter("{\"a\":1}"))
                .as("a stored success without changes, read back").isEqualTo("{\"a\":1}");
    }

    @Test
    void aSagasStepsStoreTheirChangesAndItsStateStillHasTheWholeData() throws InterruptedException {
        InMemoryEventStore store = new InMemoryEventStore();
        Ledger ledger = new Ledger();
        SagaDefinition<Data> saga = SagaDefinition.builder("patched", JacksonStateCodec.of(Data.class, 1))
                .step(FulfilmentSaga.step(ledger, "reserve", true, Duration.ofSeconds(5)))
                .step(FulfilmentSaga.step(ledger, "pay", true, Duration.ofSeconds(5)))
                .step(FulfilmentSaga.step(ledger, "ship", false, Duration.ofSeconds(5)))
                .build();
        try (SagaEngine engine = SagaEngine.builder(store, new InMemorySagaIndex()).register(saga).build()) {
            UUID id = UUID.randomUUID();
            engine.start(saga, id, new Data("order-with-a-long-name-" + "x".repeat(200), null, null, null),
                    EventMetadata.empty());

            SagaState done = engine.await(id, Duration.ofSeconds(20), SagaStatus.COMPLETED);

            assertThat(done.status()).isEqualTo(SagaStatus.COMPLETED);
            Data data = JacksonStateCodec.of(Data.class, 1).decode(done.data());
            assertThat(List.of(data.reservation(), data.payment(), data.shipment())).doesNotContainNull();
            assertThat(data.order()).endsWith("x".repeat(200));
            List<String> successes = engine.history(id).stream()
                    .filter(e -> e.eventType().equals("saga.step-succeeded")).map(RecordedEvent::payload).toList();
            assertThat(successes).hasSize(3).allSatisfy(json -> assertThat(json).doesNotContain("xxxxxxxxxx")
                    .contains("\"changes\":{"));
        }
    }
}
