package dev.ordo.marketplace.platform.web;

import dev.ordo.core.event.EventMetadata;
import dev.ordo.marketplace.platform.security.Caller;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The metadata a command carries from its HTTP request onto every event it causes: the correlation id, the actor (the
 * subject of the request's bearer token, see {@link Caller}), the W3C {@code traceparent}, and the Idempotency-Key
 * when one was sent.
 */
public final class RequestMetadata {

    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private RequestMetadata() {
    }

    public static EventMetadata of(HttpServletRequest request, String idempotencyMetadataKey) {
        EventMetadata metadata = EventMetadata.empty()
                .withCorrelationId(CorrelationFilter.correlationId(request))
                .withActor(Caller.current().subject())
                .withTraceParent(TraceParentFilter.traceParent(request));
        String key = request.getHeader(IDEMPOTENCY_KEY);
        return key == null || key.isBlank() ? metadata : metadata.with(idempotencyMetadataKey, key.strip());
    }
}
