package dev.ordo.coordination.service;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A run of a {@link ServiceGraph} failed. Thrown after every step ended and the compensations ran. It carries the
 * step that failed first (its exception is the {@linkplain #getCause() cause}), the results of the steps that
 * completed, and which compensations ran or failed. Failures of other steps that ended in the meantime (typically
 * interrupted ones) are {@linkplain #getSuppressed() suppressed} exceptions of this one.
 */
public final class CoordinationException extends RuntimeException {

    private final String operation;
    private final String runId;
    private final String failedStep;
    private final transient Results partialResults;
    private final List<String> compensatedSteps;
    private final transient Map<String, Throwable> failedCompensations;

    /**
     * @param failedStep          the step that failed first; empty when the failure was not a step's
     * @param compensatedSteps    the steps whose compensation returned, in the order they ran
     * @param failedCompensations the steps whose compensation threw, with what it threw, in the order they ran
     */
    public CoordinationException(String operation, String runId, Optional<String> failedStep, Results partialResults,
                                 List<String> compensatedSteps, Map<String, Throwable> failedCompensations,
                                 Throwable cause) {
        super(message(operation, failedStep, partialResults, compensatedSteps, failedCompensations, cause),
                Objects.requireNonNull(cause, "cause"));
        this.operation = operation;
        this.runId = runId;
        this.failedStep = failedStep.orElse(null);
        this.partialResults = Objects.requireNonNull(partialResults, "partialResults");
        this.compensatedSteps = List.copyOf(compensatedSteps);
        this.failedCompensations = Collections.unmodifiableMap(new LinkedHashMap<>(failedCompensations));
    }

    /** The operation's name. */
    public String operation() {
        return operation;
    }

    /** The run's id, as the lifecycle events of the run carry it. */
    public String runId() {
        return runId;
    }

    /**
     * The step that failed first; empty when the failure was not a step's: the aggregator threw, or the calling
     * thread was interrupted while waiting for the steps.
     */
    public Optional<String> failedStep() {
        return Optional.ofNullable(failedStep);
    }

    /** The results of the steps that completed (including those that completed after the failure). */
    public Results partialResults() {
        return partialResults;
    }

    /** The steps whose compensation ran and returned, in the order they ran (reverse completion order). */
    public List<String> compensatedSteps() {
        return compensatedSteps;
    }

    /** The steps whose compensation threw, with what it threw; they need a person or a retry. */
    public Map<String, Throwable> failedCompensations() {
        return failedCompensations;
    }

    private static String message(String operation, Optional<String> failedStep, Results partial,
                                  List<String> compensated, Map<String, Throwable> failedCompensations,
                                  Throwable cause) {
        StringBuilder message = new StringBuilder("operation '").append(operation).append("' failed ")
                .append(failedStep.map(step -> "at step '" + step + "'").orElse("outside its steps"))
                .append(": ").append(cause);
        message.append("; completed: ").append(partial.steps());
        if (!compensated.isEmpty()) {
            message.append("; compensated: ").append(compensated);
        }
        if (!failedCompensations.isEmpty()) {
            message.append("; compensation failed for: ").append(failedCompensations.keySet());
        }
        return message.toString();
    }
}
