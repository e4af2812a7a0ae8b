package dev.ordo.core.trace;

import java.util.Collection;
import java.util.List;

/**
 * Opens the spans of the toolkit's units of work. The toolkit calls it; an application binds it to its tracer
 * (ordo-spring-boot binds it to Micrometer Tracing when the application has one).
 *
 * <p>The trace context travels as a W3C {@code traceparent} in the metadata of commands and events and in the
 * headers of messages: a unit of work continues the trace its input names ({@code parent}) and writes the
 * {@linkplain TraceSpan#traceParent() traceparent of its own span} onto what it appends or sends, so that the work
 * caused by one request forms one trace, also across threads, restarts and processes. Implementations are
 * thread-safe.
 */
public interface Tracing {

    /**
     * Tracing that records nothing: {@link #enabled()} is false, and each span is a no-op whose
     * {@link TraceSpan#traceParent()} is the parent it was given, so the trace context of the input still travels on.
     */
    static Tracing none() {
        return NoTracing.INSTANCE;
    }

    /**
     * Whether spans are recorded at all. When false, a caller may skip whatever it does only to feed spans (reading
     * the events' trace contexts, rewriting their metadata): {@link #start} would ignore it.
     */
    boolean enabled();

    /**
     * Starts a span and makes it the current one of this thread until it is closed.
     *
     * @param name   a low-cardinality name, such as {@code command PlaceOrder} or {@code append order}
     * @param parent the {@code traceparent} of the span to continue; when it is {@code null} or malformed, the
     *               current span of this thread is the parent, and when there is none the span starts a new trace
     * @return the span, to be closed on this thread
     */
    default TraceSpan start(String name, String parent) {
        return start(name, parent, List.of());
    }

    /**
     * Starts a span as {@link #start(String, String)} does, linked to other traces the work also continues (the
     * other requests whose events one page of a subscription holds). Links that are {@code null}, malformed or equal
     * to the parent are ignored.
     */
    TraceSpan start(String name, String parent, Collection<String> links);

    /** The {@code traceparent} of this thread's current span, or {@code null} when there is none. */
    String current();
}
