package dev.ordo.core.trace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ordo.core.event.EventData;
import dev.ordo.core.event.EventMetadata;
import dev.ordo.core.event.RecordedEvent;
import dev.ordo.core.event.StreamId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class EventTracesUnitTests {

    private static final String FIRST = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
    private static final String FIRST_AGAIN = "00-4bf92f3577b34da6a3ce929d0e0e4736-1111111111111111-01";
    private static final String SECOND = "00-5bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    private final InMemoryTracing tracing = new InMemoryTracing();

    @Test
    void aSpanOverEventsContinuesTheFirstTraceNamedAndLinksEachOtherTraceOnce() {
        List<EventData> events = List.of(event(null), event(FIRST), event(SECOND), event(FIRST_AGAIN), event(SECOND));

        EventTraces.start(tracing, "append order", events, EventData::metadata).close();

        InMemoryTracing.Span span = tracing.named("append order").getFirst();
        assertThat(span.traceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(span.parentSpanId()).isEqualTo("00f067aa0ba902b7");
        assertThat(span.links()).containsExactly(SECOND);
    }

    @Test
    void linksAtMostThirtyTwoOtherTraces() {
        List<EventData> events = new ArrayList<>(List.of(event(FIRST)));
        IntStream.range(0, 40).forEach(i -> events.add(event("00-%032x-00f067aa0ba902b7-01".formatted(i + 1))));

        EventTraces.start(tracing, "page", events, EventData::metadata).close();

        assertThat(tracing.named("page").getFirst().links()).hasSize(EventTraces.MAX_LINKS);
    }

    @Test
    void stampsTheSpansContextOnEventsOfItsTraceOrOfNoneAndLeavesOtherTracesTheirs() {
        List<EventData> events = List.of(event(FIRST), event(null), event(SECOND));

        try (TraceSpan span = EventTraces.start(tracing, "append order", events, EventData::metadata)) {
            List<EventData> stamped = EventTraces.stamped(events, span);

            assertThat(stamped).extracting(e -> e.metadata().traceParent())
                    .containsExactly(span.traceParent(), span.traceParent(), SECOND);
            assertThat(stamped).extracting(EventData::eventId).containsExactlyElementsOf(
                    events.stream().map(EventData::eventId).toList());
        }
    }

    @Test
    void leavesTheEventsAsTheyAreForASpanThatIsNotRecorded() {
        List<EventData> events = List.of(event(FIRST.replace("-01", "-00")));

        try (TraceSpan span = EventTraces.start(tracing, "append order", events, EventData::metadata)) {
            assertThat(span.recording()).isFalse();
            assertThat(EventTraces.stamped(events, span)).isSameAs(events);
        }
    }

    @Test
    void givesARecordedEventAnotherTraceContextKeepingEverythingElse() {
        RecordedEvent event = new RecordedEvent(UUID.randomUUID(), StreamId.of("order", "1"), 3, 42, "order.paid.v1",
                1, "{}", EventMetadata.empty().withCorrelationId("c").withTraceParent(FIRST), Instant.EPOCH);

        RecordedEvent continued = EventTraces.withTraceParent(event, SECOND);

        assertThat(continued.metadata()).isEqualTo(event.metadata().withTraceParent(SECOND));
        assertThat(continued).usingRecursiveComparison().ignoringFields("metadata").isEqualTo(event);
        assertThat(EventTraces.withTraceParent(event, FIRST)).isSameAs(event);
    }

    private static EventData event(String traceParent) {
        return EventData.of("order.placed.v1", 1, "{}", EventMetadata.empty().withTraceParent(traceParent));
    }
}
