package dev.ordo.saga;

import java.util.Optional;
import java.util.UUID;

/** The saga and step an invocation id ({@code <saga id>:<step>}) names. */
record Invocation(UUID sagaId, String step) {

    /** The id of this invocation. */
    String id() {
        return sagaId + ":" + step;
    }

    /** The saga and step of an action's invocation id; empty for anything else (a compensation's id, a stray text). */
    static Optional<Invocation> parse(String invocationId) {
        int colon = invocationId.indexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        String step = invocationId.substring(colon + 1);
        if (!step.matches(SagaStep.NAME)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Invocation(UUID.fromString(invocationId.substring(0, colon)), step));
        } catch (IllegalArgumentException notAUuid) {
            return Optional.empty();
        }
    }
}
