package dev.ordo.core.subscription;

import dev.ordo.core.event.RecordedEvent;
import dev.ordo.core.trace.EventTraces;
import dev.ordo.core.trace.TraceSpan;
import dev.ordo.core.trace.Tracing;
import java.util.List;

/**
 * A consumer whose every page is handled in a span named {@code subscription <name>}, continuing the trace of the
 * page's first event that names one and linked to the page's other traces; a failure marks the span and is rethrown
 * unchanged. Thread-safe as its delegate is.
 */
final class TracedConsumer implements SubscriptionConsumer {

    private final String name;
    private final String spanName;
    private final SubscriptionConsumer delegate;
    private final Tracing tracing;

    TracedConsumer(String name, SubscriptionConsumer delegate, Tracing tracing) {
        this.name = name;
        this.spanName = "subscription " + name;
        this.delegate = delegate;
        this.tracing = tracing;
    }

    @Override
    public long checkpoint() {
        return delegate.checkpoint();
    }

    @Override
    public void handle(List<RecordedEvent> page) throws Exception {
        try (TraceSpan span = EventTraces.start(tracing, spanName, page, RecordedEvent::metadata)) {
            if (span.recording()) {
                span.tag("ordo.subscription", name).tag("ordo.events", Integer.toString(page.size()))
                        .tag("ordo.position.first", Long.toString(page.getFirst().position()))
                        .tag("ordo.position.last", Long.toString(page.getLast().position()));
            }
            try {
                delegate.handle(page);
            } catch (Exception | Error e) {
                span.error(e);
                throw e;
            }
        }
    }
}
