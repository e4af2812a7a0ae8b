package dev.ordo.core.trace;

import java.util.concurrent.Callable;

/**
 * A started span: the current span of the thread that started it until {@link #close()}. Not thread-safe: tag and
 * close it on the thread that started it; {@link #wrap} hands it to work on other threads.
 */
public interface TraceSpan extends AutoCloseable {

    /**
     * The {@code traceparent} naming this span, to write onto what the work appends or sends so that what follows
     * continues it. For a span of {@link Tracing#none()}, the parent it was started with (possibly {@code null}), so
     * that a trace context passes through untraced work unchanged.
     */
    String traceParent();

    /**
     * Whether the span is recorded (its trace is sampled). When false, the caller should spend nothing on it beyond
     * passing {@link #traceParent()} on.
     */
    boolean recording();

    /** Adds an attribute; a {@code null} value is ignored. */
    TraceSpan tag(String key, String value);

    /** Marks the span as failed with the error. */
    void error(Throwable error);

    /** The work, made to run with this span as the current one of whichever thread runs it. */
    <T> Callable<T> wrap(Callable<T> work);

    /** Ends the span and makes the span current before it current again. Call once, on the starting thread. */
    @Override
    void close();

    /**
     * No span: work that is not recorded (untraced, or on an unsampled trace) and only passes the given context on.
     *
     * @param traceParent the context to pass on, possibly {@code null}
     */
    static TraceSpan passingOn(String traceParent) {
        return new NoTracing.NoSpan(traceParent);
    }
}
