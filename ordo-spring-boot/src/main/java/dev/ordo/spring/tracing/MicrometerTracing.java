package dev.ordo.spring.tracing;

import dev.ordo.core.trace.TraceParent;
import dev.ordo.core.trace.TraceSpan;
import dev.ordo.core.trace.Tracing;
import io.micrometer.tracing.Link;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import java.util.Collection;
import java.util.Objects;
import java.util.concurrent.Callable;

/**
 * The {@link Tracing} port on a Micrometer {@link Tracer} (OpenTelemetry or Brave underneath). A {@code traceparent}
 * is read and written in the W3C format whatever propagation the application configured for HTTP, since that is the
 * format events and messages carry ({@link dev.ordo.core.event.EventMetadata}). Sampling is decided at a trace's root,
 * by the tracer; after that the W3C sampled flag decides: a span whose parent (given, or current) is not sampled is not
 * made at all, and passes its parent's {@code traceparent} on, so the trace is left out downstream too and work on it
 * costs next to nothing. Thread-safe.
 */
public final class MicrometerTracing implements Tracing {

    private final Tracer tracer;

    public MicrometerTracing(Tracer tracer) {
        this.tracer = Objects.requireNonNull(tracer, "tracer");
    }

    @Override
    public boolean enabled() {
        return true;
    }

    @Override
    public TraceSpan start(String name, String parent, Collection<String> links) {
        if (TraceParent.isUnsampled(parent)) {
            return TraceSpan.passingOn(parent);
        }
        TraceContext parentContext = context(parent);
        if (parentContext == null) {
            Span current = tracer.currentSpan();
            if (current != null && current.isNoop()) {
                return TraceSpan.passingOn(traceParent(current.context()));
            }
        }
        Span.Builder builder = tracer.spanBuilder().name(name);
        if (parentContext != null) {
            builder.setParent(parentContext);
        }
        for (String link : links) {
            TraceContext linked = link == null || link.equals(parent) ? null : context(link);
            if (linked != null) {
                builder.addLink(new Link(linked));
            }
        }
        Span span = builder.start();
        return new MicrometerSpan(tracer, span, tracer.withSpan(span));
    }

    @Override
    public String current() {
        Span span = tracer.currentSpan();
        return span == null ? null : traceParent(span.context());
    }

    private TraceContext context(String traceParent) {
        TraceParent parsed = TraceParent.parse(traceParent);
        return parsed == null ? null : tracer.traceContextBuilder().traceId(parsed.traceId()).spanId(parsed.spanId())
                .sampled(parsed.sampled()).build();
    }

    /** The {@code traceparent} of a context, or {@code null} when its ids are not W3C ids (a no-op context). */
    static String traceParent(TraceContext context) {
        String traceId = context.traceId();
        String spanId = context.spanId();
        if (traceId == null || spanId == null || traceId.length() != 32 || spanId.length() != 16) {
            return null;
        }
        return "00-" + traceId + "-" + spanId + (Boolean.TRUE.equals(context.sampled()) ? "-01" : "-00");
    }

    private static final class MicrometerSpan implements TraceSpan {

        private final Tracer tracer;
        private final Span span;
        private final Tracer.SpanInScope scope;
        private String traceParent;

        MicrometerSpan(Tracer tracer, Span span, Tracer.SpanInScope scope) {
            this.tracer = tracer;
            this.span = span;
            this.scope = scope;
        }

        @Override
        public String traceParent() {
            if (traceParent == null) {
                traceParent = MicrometerTracing.traceParent(span.context());
            }
            return traceParent;
        }

        @Override
        public boolean recording() {
            return !span.isNoop();
        }

        @Override
        public TraceSpan tag(String key, String value) {
            if (value != null) {
                span.tag(key, value);
            }
            return this;
        }

        @Override
        public void error(Throwable error) {
            span.error(error);
        }

        @Override
        public <T> Callable<T> wrap(Callable<T> work) {
            return () -> {
                try (Tracer.SpanInScope ignored = tracer.withSpan(span)) {
                    return work.call();
                }
            };
        }

        @Override
        public void close() {
            scope.close();
            span.end();
        }
    }
}
