package dev.ordo.marketplace.platform.web;

import dev.ordo.core.event.EventMetadata;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The metadata a command carries from its HTTP request onto every event it causes: the correlation id, the actor
 * ({@code X-Actor}, {@code anonymous} until authentication arrives), the W3C {@code traceparent}, and the
 * Idempotency-Key when one was sent.
 */
public final class RequestMetadata {

    public static final String ACTOR = "X-Actor";
    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private RequestMetadata() {
    }

    public static EventMetadata of(HttpServletRequest request, String idempotencyMetadataKey) {
        String actor = request.getHeader(ACTOR);
        EventMetadata metadata = EventMetadata.empty()
                .withCorrelationId(CorrelationFilter.correlationId(request))
                .withActor(actor == null || actor.isBlank() ? "anonymous" : actor.strip())
                .withTraceParent(TraceParentFilter.traceParent(request));
        String key = request.getHeader(IDEMPOTENCY_KEY);
        return key == null || key.isBlank() ? metadata : metadata.with(idempotencyMetadataKey, key.strip());
    }
}
