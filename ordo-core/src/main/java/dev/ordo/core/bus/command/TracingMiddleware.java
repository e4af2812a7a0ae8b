package dev.ordo.core.bus.command;

import dev.ordo.core.trace.TraceSpan;
import dev.ordo.core.trace.Tracing;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Handles every command in a span named {@code command <simple class name>} that continues the trace of the command's
 * metadata (or, when it names none, the current span of the calling thread), and hands the rest of the pipeline the
 * metadata with the span's {@code traceparent}: the events the command appends, and the commands and requests it
 * causes, continue this span. The span carries the correlation id as {@code ordo.correlation_id} and the outcome as
 * {@code ordo.outcome} ({@code success},
 * {@code rejected}, {@code conflict}, {@code error}, as {@link MetricsMiddleware} counts them) and is marked failed
 * for an {@code error}. Failures are rethrown unchanged.
 *
 * <p>Place it after a {@link CorrelationMiddleware}, so that logs written in the span carry the correlation id too.
 * With {@link Tracing#none()} it passes the metadata on unchanged. Thread-safe.
 */
public final class TracingMiddleware implements CommandMiddleware {

    private final Tracing tracing;
    private final ConcurrentHashMap<String, String> names = new ConcurrentHashMap<>();

    public TracingMiddleware(Tracing tracing) {
        this.tracing = Objects.requireNonNull(tracing, "tracing");
    }

    @Override
    public Object invoke(CommandMessage message, Chain next) {
        String parent = message.metadata().traceParent();
        try (TraceSpan span = tracing.start(names.computeIfAbsent(message.commandType(), type -> "command " + type),
                parent)) {
            CommandMessage traced = Objects.equals(span.traceParent(), parent) ? message
                    : message.withMetadata(message.metadata().withTraceParent(span.traceParent()));
            span.tag("ordo.correlation_id", message.metadata().correlationId());
            try {
                Object result = next.proceed(traced);
                span.tag("ordo.outcome", Outcome.SUCCESS.tag());
                return result;
            } catch (RuntimeException | Error failure) {
                Outcome outcome = Outcome.of(failure);
                span.tag("ordo.outcome", outcome.tag());
                if (outcome == Outcome.ERROR) {
                    span.error(failure);
                }
                throw failure;
            }
        }
    }
}
