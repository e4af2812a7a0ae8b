package dev.ordo.marketplace.platform.sagas;

import dev.ordo.core.event.RecordedEvent;
import dev.ordo.jackson.OrdoJson;
import dev.ordo.saga.SagaState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * A saga as the API shows it: status, data, each step with its attempts and outcome (in the order the steps first
 * ran), and why it compensates.
 *
 * @param completed the succeeded steps in the order they completed (compensation undoes them in reverse)
 * @param failure   why the saga compensates or is parked; {@code null} otherwise
 * @param version   the saga stream's version
 */
public record SagaView(String sagaId, String type, String status, JsonNode data, List<Step> steps,
                       List<String> completed, String failure, long version) {

    /**
     * One step.
     *
     * @param state                where it is: STARTED, AWAITING_REPLY, SUCCEEDED, FAILED, TIMED_OUT, UNKNOWN (cut
     *                             short more often than the engine resumes it: compensated as if it took effect),
     *                             COMPENSATING, COMPENSATED or COMPENSATION_PARKED
     * @param attempts             attempts of its action
     * @param compensationAttempts attempts of its compensation
     * @param lastError            the last failure of the action or the compensation
     */
    public record Step(String name, String state, int attempts, int compensationAttempts, Instant deadline,
                       String lastError) {
    }

    /** The view of a saga from its state and history. */
    public static SagaView of(SagaState state, List<RecordedEvent> history) {
        Set<String> order = new LinkedHashSet<>();
        for (RecordedEvent event : history) {
            JsonNode step = OrdoJson.mapper().readTree(event.payload()).get("step");
            if (step != null && step.isString()) {
                order.add(step.asString());
            }
        }
        order.addAll(state.steps().keySet());
        List<Step> steps = new ArrayList<>();
        for (String name : order) {
            SagaState.Step s = state.step(name);
            steps.add(new Step(name, s.state().name(), s.attempts(), s.compensationAttempts(), s.deadline(),
                    s.lastError()));
        }
        return new SagaView(state.sagaId().toString(), state.type(), state.status().name(),
                state.data() == null ? null : OrdoJson.mapper().readTree(state.data()), steps, state.completed(),
                state.failure(), state.version());
    }
}
