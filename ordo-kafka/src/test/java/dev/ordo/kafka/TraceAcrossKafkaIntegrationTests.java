package dev.ordo.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ordo.core.bus.command.SimpleCommandBus;
import dev.ordo.core.event.Envelope;
import dev.ordo.core.event.EventData;
import dev.ordo.core.event.EventMetadata;
import dev.ordo.core.event.EventTypeRegistry;
import dev.ordo.core.event.StreamId;
import dev.ordo.core.store.EventFilter;
import dev.ordo.core.store.ExpectedVersion;
import dev.ordo.core.trace.InMemoryTracing;
import dev.ordo.jackson.JacksonEventSerializer;
import dev.ordo.jdbc.OrdoDatabase;
import dev.ordo.kafka.consumer.KafkaProcessManagers;
import dev.ordo.kafka.consumer.KafkaSubscription;
import dev.ordo.kafka.consumer.KafkaSubscriptionConfig;
import dev.ordo.saga.ProcessManager;
import dev.ordo.test.kafka.KafkaHarness;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An event's trace goes on across Kafka: the relay's publishing and the consumer's work continue its append's span. */
class TraceAcrossKafkaIntegrationTests {

    private static final String APPEND = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    @TempDir
    Path folder;

    record Booked(long amount) {
    }

    record Acknowledge(long amount) {
    }

    /** Acknowledges every booking. */
    static final class Acknowledger implements ProcessManager<Booked> {
        @Override
        public String name() {
            return "acknowledger";
        }

        @Override
        public EventFilter filter() {
            return EventFilter.categories("ledger");
        }

        @Override
        public Class<Booked> eventType() {
            return Booked.class;
        }

        @Override
        public List<Object> react(Envelope<Booked> event) {
            return List.of(new Acknowledge(event.event().amount()));
        }
    }

    @Test
    void theRelaysPublishingAndTheConsumersReactionContinueTheTraceOfTheAppend() throws Exception {
        KafkaHarness.createTopic("traced-ledger", 2);
        InMemoryTracing tracing = new InMemoryTracing();
        List<EventMetadata> acknowledged = new CopyOnWriteArrayList<>();
        SimpleCommandBus commands = SimpleCommandBus.builder()
                .register(Acknowledge.class, (command, metadata) -> acknowledged.add(metadata)).build();
        RelayConfig relayConfig = RelayConfig.builder("traced-relay", KafkaHarness.bootstrapServers())
                .topics(TopicMapping.byCategory().map("ledger", "traced-ledger")).tracing(tracing).build();
        KafkaSubscriptionConfig consumerConfig = KafkaSubscriptionConfig.of("traced-acknowledger",
                KafkaHarness.bootstrapServers(), "traced-ledger").withTracing(tracing);

        try (RelayStore store = RelayStore.sqlite(folder);
             OrdoDatabase consumerDb = OrdoDatabase.sqlite(folder.resolve("consumer.db"))) {
            store.store.append(StreamId.of("ledger", 1), ExpectedVersion.noStream(), List.of(EventData.of(
                    "ledger.booked", 1, "{\"amount\":5}", EventMetadata.empty().withTraceParent(APPEND))));
            try (OutboxRelay relay = OutboxRelay.start(relayConfig, store.store, store.signal,
                    RelayLease.inProcess(folder + ":traced-relay"), null);
                 KafkaSubscription consumer = KafkaProcessManagers.start(consumerConfig, consumerDb,
                         new Acknowledger(), JacksonEventSerializer.of(EventTypeRegistry.builder()
                                 .register(Booked.class, "ledger.booked", 1).build()), commands, null, null)) {
                await().atMost(Duration.ofSeconds(60)).until(() -> consumer.status().applied() == 1);
            }
        }

        InMemoryTracing.Span publish = tracing.named("publish traced-ledger").getFirst();
        assertThat(publish.traceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(publish.parentSpanId()).as("the append's span").isEqualTo("00f067aa0ba902b7");
        assertThat(publish.tags()).containsEntry("ordo.stream", "ledger-1");
        assertThat(tracing.named("consume traced-acknowledger")).singleElement()
                .satisfies(consume -> assertThat(consume.parentSpanId()).isEqualTo(publish.spanId()));
        InMemoryTracing.Span reaction = tracing.named("react acknowledger").getFirst();
        assertThat(reaction.parentSpanId()).isEqualTo(publish.spanId());
        assertThat(acknowledged).singleElement()
                .satisfies(metadata -> assertThat(metadata.traceParent()).isEqualTo(reaction.traceParent()));
    }
}
