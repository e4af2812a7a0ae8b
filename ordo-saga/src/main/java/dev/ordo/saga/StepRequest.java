package dev.ordo.saga;

import dev.ordo.core.event.EventMetadata;
import java.util.Objects;

/**
 * A step's call to a participant, as a message of its own: the participant answers, perhaps much later and from
 * another process, with a {@link StepReply} carrying the same invocation id, which {@link SagaEngine#reply(StepReply)}
 * records. The same request may be sent more than once (a retried or resumed step, a restart); participants do its
 * work once per invocation id.
 *
 * @param invocationId the step's invocation id ({@code <saga id>:<step>}), or its compensation's
 *                     ({@code <saga id>:<step>:compensate}), the same on every sending
 * @param sagaType     the saga's type
 * @param step         the step's name
 * @param payload      what the participant is asked to do, typically a command
 * @param traceParent  the W3C {@code traceparent} of the step's attempt that sent it, or {@code null}: what the
 *                     participant does continues that trace
 */
public record StepRequest(String invocationId, String sagaType, String step, Object payload, String traceParent) {

    public StepRequest {
        Objects.requireNonNull(invocationId, "invocationId");
        Objects.requireNonNull(sagaType, "sagaType");
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(payload, "payload");
    }

    /** A request with no trace context. */
    public StepRequest(String invocationId, String sagaType, String step, Object payload) {
        this(invocationId, sagaType, step, payload, null);
    }

    /** The same request, continuing another span (a participant's own, once it took the request). */
    public StepRequest withTraceParent(String value) {
        return new StepRequest(invocationId, sagaType, step, payload, value);
    }

    /**
     * True when this asks for a step's compensation ({@link SagaStep#compensationCall()}): a participant refusing it
     * should not remember the refusal, since the saga tries a failed compensation again with the same invocation id.
     */
    public boolean isCompensation() {
        return Invocation.parse(invocationId).map(Invocation::compensation).orElse(false);
    }

    /**
     * The metadata of what the participant writes: the saga as correlation, this invocation as causation, the
     * request's trace context.
     */
    public EventMetadata metadata() {
        return StepContext.metadata(Invocation.parse(invocationId).map(i -> i.sagaId().toString())
                .orElse(invocationId), sagaType, invocationId, traceParent);
    }
}
