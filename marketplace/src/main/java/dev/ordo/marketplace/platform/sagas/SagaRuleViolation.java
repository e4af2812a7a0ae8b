package dev.ordo.marketplace.platform.sagas;

import dev.ordo.core.saga.SagaStatus;
import dev.ordo.marketplace.shared.RuleViolation;
import java.util.Map;
import java.util.UUID;

/**
 * A request about a saga that cannot be served: {@code saga-not-found} (404), {@code saga-not-parked} (redrive of a
 * saga that is not parked), {@code saga-not-running} (cancelling a saga that already finished or compensates) or
 * {@code saga-past-point-of-no-return} (cancelling a saga after the step from which it cannot be cancelled started),
 * all 422 with the saga's {@code currentStatus}.
 */
public final class SagaRuleViolation extends RuleViolation {

    private final SagaStatus status;

    private SagaRuleViolation(String rule, SagaStatus status, String detail) {
        super(rule, "rule " + rule + ": " + detail + " (" + (status == null ? "no such saga" : "saga is " + status)
                + ")");
        this.status = status;
    }

    public static SagaRuleViolation notFound(UUID sagaId) {
        return new SagaRuleViolation("saga-not-found", null, "saga " + sagaId + " does not exist");
    }

    public static SagaRuleViolation notParked(UUID sagaId, SagaStatus status) {
        return new SagaRuleViolation("saga-not-parked", status, "only a parked saga can be redriven, saga " + sagaId
                + " is not");
    }

    public static SagaRuleViolation notRunning(UUID sagaId, SagaStatus status) {
        return new SagaRuleViolation("saga-not-running", status, "only a running saga can be cancelled, saga "
                + sagaId + " is not");
    }

    public static SagaRuleViolation pastPointOfNoReturn(UUID sagaId, String step) {
        return new SagaRuleViolation("saga-past-point-of-no-return", SagaStatus.RUNNING, "saga " + sagaId
                + " has started step " + step + ", after which it can no longer be cancelled");
    }

    @Override
    public Map<String, Object> details() {
        return status == null ? Map.of() : Map.of("currentStatus", status.name());
    }
}
