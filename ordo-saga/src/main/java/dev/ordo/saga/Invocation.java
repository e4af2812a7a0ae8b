package dev.ordo.saga;

import java.util.Optional;
import java.util.UUID;

/**
 * The saga and step an invocation id names: {@code <saga id>:<step>} for the step's action,
 * {@code <saga id>:<step>:compensate} for its compensation.
 */
record Invocation(UUID sagaId, String step, boolean compensation) {

    private static final String COMPENSATION = ":compensate";

    /** The id of this invocation. */
    String id() {
        return sagaId + ":" + step + (compensation ? COMPENSATION : "");
    }

    /** The saga and step of an action's or a compensation's invocation id; empty for anything else (a stray text). */
    static Optional<Invocation> parse(String invocationId) {
        boolean compensation = invocationId.endsWith(COMPENSATION);
        String action = compensation ? invocationId.substring(0, invocationId.length() - COMPENSATION.length())
                : invocationId;
        int colon = action.indexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        String step = action.substring(colon + 1);
        if (!step.matches(SagaStep.NAME)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Invocation(UUID.fromString(action.substring(0, colon)), step, compensation));
        } catch (IllegalArgumentException notAUuid) {
            return Optional.empty();
        }
    }
}
