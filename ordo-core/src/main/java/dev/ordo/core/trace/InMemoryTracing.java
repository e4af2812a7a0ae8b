package dev.ordo.core.trace;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A {@link Tracing} that keeps the spans in memory once they end, for tests and for looking at what a piece of work
 * traces. Each thread has its current span, as with a real tracer; a span continues its parent's sampling decision
 * (a new trace is sampled). Thread-safe.
 */
public final class InMemoryTracing implements Tracing {

    /**
     * An ended span (of a sampled trace: the others are not kept).
     *
     * @param parentSpanId the parent's span id, {@code null} for the root of a trace
     * @param links        the {@code traceparent}s of the other traces it links to
     * @param error        what it was marked failed with, or {@code null}
     */
    public record Span(String name, String traceId, String spanId, String parentSpanId, Map<String, String> tags,
                       List<String> links, Throwable error) {

        /** The {@code traceparent} naming this span. */
        public String traceParent() {
            return new TraceParent(traceId, spanId, true).value();
        }
    }

    private final ThreadLocal<Started> current = new ThreadLocal<>();
    private final List<Span> ended = new CopyOnWriteArrayList<>();

    @Override
    public boolean enabled() {
        return true;
    }

    @Override
    public TraceSpan start(String name, String parent, Collection<String> links) {
        Objects.requireNonNull(name, "name");
        TraceParent given = TraceParent.parse(parent);
        Started outer = current.get();
        TraceParent parentContext = given != null ? given : outer == null ? null : outer.context;
        TraceParent context = new TraceParent(parentContext == null ? id(32) : parentContext.traceId(), id(16),
                parentContext == null || parentContext.sampled());
        List<String> linked = new ArrayList<>();
        for (String link : links) {
            if (link != null && !link.equals(parent) && TraceParent.parse(link) != null) {
                linked.add(link);
            }
        }
        Started span = new Started(name, context, parentContext == null ? null : parentContext.spanId(), linked);
        span.previous = outer;
        current.set(span);
        return span;
    }

    @Override
    public String current() {
        Started span = current.get();
        return span == null ? null : span.context.value();
    }

    /** The spans that ended so far, in the order they ended. */
    public List<Span> ended() {
        return List.copyOf(ended);
    }

    /** The ended spans of that name. */
    public List<Span> named(String name) {
        return ended.stream().filter(span -> span.name().equals(name)).toList();
    }

    /** Forgets the spans that ended so far. */
    public void clear() {
        ended.clear();
    }

    private static String id(int hexDigits) {
        StringBuilder id = new StringBuilder(hexDigits);
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < hexDigits; i++) {
            id.append(Character.forDigit(random.nextInt(16), 16));
        }
        return id.charAt(0) == '0' ? "1" + id.substring(1) : id.toString();
    }

    private final class Started implements TraceSpan {

        private final String name;
        private final TraceParent context;
        private final String parentSpanId;
        private final List<String> links;
        private final Map<String, String> tags = new LinkedHashMap<>();
        private Throwable error;
        private Started previous;

        Started(String name, TraceParent context, String parentSpanId, List<String> links) {
            this.name = name;
            this.context = context;
            this.parentSpanId = parentSpanId;
            this.links = links;
        }

        @Override
        public String traceParent() {
            return context.value();
        }

        @Override
        public boolean recording() {
            return context.sampled();
        }

        @Override
        public TraceSpan tag(String key, String value) {
            if (value != null) {
                tags.put(key, value);
            }
            return this;
        }

        @Override
        public void error(Throwable failure) {
            this.error = failure;
        }

        @Override
        public <T> Callable<T> wrap(Callable<T> work) {
            return () -> {
                Started before = current.get();
                current.set(this);
                try {
                    return work.call();
                } finally {
                    if (before == null) {
                        current.remove();
                    } else {
                        current.set(before);
                    }
                }
            };
        }

        @Override
        public void close() {
            if (previous == null) {
                current.remove();
            } else {
                current.set(previous);
            }
            if (context.sampled()) {
                ended.add(new Span(name, context.traceId(), context.spanId(), parentSpanId, Map.copyOf(tags),
                        List.copyOf(links), error));
            }
        }
    }
}
