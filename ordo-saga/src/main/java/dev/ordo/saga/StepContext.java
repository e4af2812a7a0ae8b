package dev.ordo.saga;

import dev.ordo.core.event.EventMetadata;
import java.util.UUID;

/**
 * What a step's action or compensation knows when it runs.
 *
 * @param sagaId       the saga
 * @param sagaType     the saga's definition name
 * @param step         the step's name
 * @param invocationId a stable id for this step of this saga (the same on every attempt and after a restart);
 *                     participants use it to recognise a repeated call and do the work only once
 * @param attempt      1 for the first attempt, then 2, 3...
 * @param data         the saga's data as the previous steps left it
 * @param failure      for a compensation, why the saga compensates (the step that failed and its error, or the
 *                     cancellation and its reason), so that it can tell the parties involved without asking the
 *                     engine; null for an action
 * @param traceParent  the W3C {@code traceparent} of this attempt's span (see
 *                     {@link SagaEngineBuilder#tracing}), or of the trace the saga was started in when nothing is
 *                     traced; null when the saga has no trace context
 * @param <D> the saga's data type
 */
public record StepContext<D>(UUID sagaId, String sagaType, String step, String invocationId, int attempt, D data,
                             String failure, String traceParent) {

    /**
     * The metadata of what the step writes or sends: the saga as correlation, this invocation as causation, the saga
     * type as actor ({@code saga:<type>}), and this attempt's trace context, so that what the step causes continues
     * its span.
     */
    public EventMetadata metadata() {
        return metadata(sagaId.toString(), sagaType, invocationId, traceParent);
    }

    static EventMetadata metadata(String correlationId, String sagaType, String invocationId, String traceParent) {
        return EventMetadata.empty().withCorrelationId(correlationId).withCausationId(invocationId)
                .withActor("saga:" + sagaType).withTraceParent(traceParent);
    }

    /** The context of a compensation, with no trace context. */
    public StepContext(UUID sagaId, String sagaType, String step, String invocationId, int attempt, D data,
                       String failure) {
        this(sagaId, sagaType, step, invocationId, attempt, data, failure, null);
    }

    /** The context of an action (no failure), with no trace context. */
    public StepContext(UUID sagaId, String sagaType, String step, String invocationId, int attempt, D data) {
        this(sagaId, sagaType, step, invocationId, attempt, data, null, null);
    }
}
