package dev.ordo.core.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ordo.core.event.EventData;
import dev.ordo.core.event.EventMetadata;
import dev.ordo.core.event.StreamId;
import dev.ordo.core.store.ExpectedVersion;
import dev.ordo.core.store.InMemoryEventStore;
import dev.ordo.core.trace.InMemoryTracing;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TracedPagesUnitTests {

    private static final String ORDER_1 = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
    private static final String ORDER_2 = "00-5bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    private final InMemoryEventStore store = new InMemoryEventStore();
    private final InMemoryTracing tracing = new InMemoryTracing();
    private final Subscriptions subscriptions = new Subscriptions(store, new HeadSignal(), null, Clock.systemUTC(),
            tracing);
    private final InMemoryCheckpointStore checkpoints = new InMemoryCheckpointStore();

    @AfterEach
    void stop() {
        subscriptions.close();
    }

    @Test
    void eachPageIsHandledInASpanContinuingItsFirstTraceAndLinkedToTheOthers() {
        append("order-1", ORDER_1);
        append("order-2", ORDER_2);
        append("order-1", ORDER_1);

        subscriptions.start("orders", new CheckpointedConsumer("orders", checkpoints, page -> { }),
                SubscriptionOptions.defaults().withPollInterval(Duration.ofMillis(20)));

        InMemoryTracing.Span page = await().atMost(Duration.ofSeconds(10))
                .until(() -> tracing.named("subscription orders"), spans -> !spans.isEmpty()).getFirst();
        assertThat(page.parentSpanId()).isEqualTo("00f067aa0ba902b7");
        assertThat(page.traceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(page.links()).containsExactly(ORDER_2);
        assertThat(page.tags()).containsEntry("ordo.events", "3").containsEntry("ordo.position.first", "1")
                .containsEntry("ordo.position.last", "3");
    }

    @Test
    void aFailingPageMarksItsSpanAndIsTriedAgain() {
        append("order-1", ORDER_1);
        AtomicBoolean failedOnce = new AtomicBoolean();

        subscriptions.start("orders", new CheckpointedConsumer("orders", checkpoints, page -> {
            if (failedOnce.compareAndSet(false, true)) {
                throw new IllegalStateException("read model table is locked");
            }
        }), SubscriptionOptions.defaults().withPollInterval(Duration.ofMillis(20)).withMaxBackoff(Duration.ofMillis(50)));

        List<InMemoryTracing.Span> pages = await().atMost(Duration.ofSeconds(10))
                .until(() -> tracing.named("subscription orders"), spans -> spans.size() == 2);
        assertThat(pages.getFirst().error()).hasMessage("read model table is locked");
        assertThat(pages.getLast().error()).isNull();
    }

    private void append(String stream, String traceParent) {
        store.append(StreamId.of(stream), ExpectedVersion.any(),
                List.of(EventData.of("order.changed.v1", 1, "{}", EventMetadata.empty().withTraceParent(traceParent))));
    }
}
