package dev.ordo.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ordo.core.event.EventData;
import dev.ordo.core.event.EventMetadata;
import dev.ordo.core.event.RecordedEvent;
import dev.ordo.core.event.StreamId;
import dev.ordo.core.store.ExpectedVersion;
import dev.ordo.core.store.WrongExpectedVersionException;
import dev.ordo.core.trace.InMemoryTracing;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** An append in a span: the events are written with the span's trace context, so what reads them continues it. */
class SqliteTracedAppendsIntegrationTests {

    private static final String COMMAND = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
    private static final String UNSAMPLED = "00-5bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00";

    private final InMemoryTracing tracing = new InMemoryTracing();
    private final OrdoDatabase database;
    private final JdbcEventStore store;

    SqliteTracedAppendsIntegrationTests() throws IOException {
        database = OrdoDatabase.sqlite(Files.createTempDirectory("ordo-traced").resolve("events.db"));
        store = JdbcEventStore.builder(database).tracing(tracing).build();
    }

    @AfterEach
    void close() {
        store.close();
        database.close();
    }

    @Test
    void theEventsOfAnAppendCarryTheTraceContextOfItsSpanAChildOfTheirCommand() {
        StreamId stream = StreamId.of("order", "1");

        store.append(stream, ExpectedVersion.noStream(), List.of(event(COMMAND), event(COMMAND)));

        InMemoryTracing.Span append = tracing.named("append order").getFirst();
        assertThat(append.parentSpanId()).isEqualTo("00f067aa0ba902b7");
        assertThat(append.tags()).containsEntry("ordo.stream", "order-1").containsEntry("ordo.events", "2");
        assertThat(store.readStreamForwards(stream)).extracting(e -> e.metadata().traceParent())
                .containsOnly(append.traceParent());
        assertThat(store.readStreamForwards(stream)).extracting(e -> e.metadata().correlationId())
                .containsOnly("request-1");
    }

    @Test
    void theEventsOfAnUnsampledTraceAreWrittenAsTheyCame() {
        StreamId stream = StreamId.of("order", "2");

        store.append(stream, ExpectedVersion.noStream(), List.of(event(UNSAMPLED)));

        assertThat(tracing.ended()).isEmpty();
        assertThat(store.readStreamForwards(stream)).extracting(RecordedEvent::metadata)
                .extracting(EventMetadata::traceParent).containsExactly(UNSAMPLED);
    }

    @Test
    void aRefusedAppendMarksItsSpan() {
        StreamId stream = StreamId.of("order", "3");

        assertThatThrownBy(() -> store.append(stream, ExpectedVersion.exact(4), List.of(event(COMMAND))))
                .isInstanceOf(WrongExpectedVersionException.class);

        assertThat(tracing.named("append order").getFirst().error()).isInstanceOf(WrongExpectedVersionException.class);
    }

    @Test
    void aRetriedAppendUnderAnotherSpanIsStillTheSameAppend() {
        StreamId stream = StreamId.of("order", "4");
        List<EventData> events = List.of(event(COMMAND));

        long first = store.append(stream, ExpectedVersion.noStream(), events).streamVersion();
        long again = store.append(stream, ExpectedVersion.noStream(), events).streamVersion();

        assertThat(again).isEqualTo(first);
        assertThat(store.readStreamForwards(stream)).hasSize(1);
    }

    private static EventData event(String traceParent) {
        return EventData.of("order.changed.v1", 1, "{}",
                EventMetadata.empty().withCorrelationId("request-1").withTraceParent(traceParent));
    }
}
