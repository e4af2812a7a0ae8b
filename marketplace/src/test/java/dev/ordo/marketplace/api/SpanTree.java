package dev.ordo.marketplace.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanId;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The ended spans of one trace, and what a test asks of them. */
record SpanTree(String traceId, List<SpanData> spans) {

    static final AttributeKey<String> STREAM = AttributeKey.stringKey("ordo.stream");

    /** The trace of the first span that appended to the stream, if one ended yet. */
    static Optional<SpanTree> ofStream(Collection<SpanData> ended, String stream) {
        return ended.stream().filter(s -> stream.equals(s.getAttributes().get(STREAM)))
                .min(Comparator.comparingLong(SpanData::getStartEpochNanos))
                .map(first -> new SpanTree(first.getTraceId(), ended.stream()
                        .filter(s -> s.getTraceId().equals(first.getTraceId())).toList()));
    }

    Set<String> names() {
        return spans.stream().map(SpanData::getName).collect(Collectors.toSet());
    }

    List<SpanData> named(String name) {
        return spans.stream().filter(s -> s.getName().equals(name)).toList();
    }

    /** Asserts one root, and a parent in the trace for every other span; returns the root. */
    SpanData assertIsOneTree() {
        Set<String> ids = spans.stream().map(SpanData::getSpanId).collect(Collectors.toSet());
        List<SpanData> roots = spans.stream().filter(s -> !SpanId.isValid(s.getParentSpanId())).toList();
        assertThat(roots).as("the roots of trace %s", traceId).hasSize(1);
        assertThat(spans).as("spans whose parent is not in trace %s", traceId)
                .filteredOn(s -> SpanId.isValid(s.getParentSpanId()) && !ids.contains(s.getParentSpanId()))
                .extracting(SpanData::getName).isEmpty();
        return roots.getFirst();
    }

    /** Whether the span descends from a span of that name. */
    boolean descendsFrom(SpanData span, String ancestor) {
        for (SpanData s = parent(span); s != null; s = parent(s)) {
            if (s.getName().equals(ancestor)) {
                return true;
            }
        }
        return false;
    }

    private SpanData parent(SpanData span) {
        return spans.stream().filter(s -> s.getSpanId().equals(span.getParentSpanId())).findFirst().orElse(null);
    }
}
