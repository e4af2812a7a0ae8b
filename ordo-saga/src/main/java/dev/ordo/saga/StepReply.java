package dev.ordo.saga;

import java.util.Objects;

/**
 * A participant's answer to a {@link StepRequest}, correlated with it by the invocation id alone, so that it can travel
 * over any transport. Record it with {@link SagaEngine#reply(StepReply)}.
 */
public sealed interface StepReply {

    /** The invocation id of the request this answers. */
    String invocationId();

    /** The participant did the work; {@code result} is what the step's {@link RemoteCall} applies to the saga's data. */
    record Succeeded(String invocationId, Object result) implements StepReply {
        public Succeeded {
            Objects.requireNonNull(invocationId, "invocationId");
        }
    }

    /** The participant refused or could not do the work, for good: the step fails and the saga compensates. */
    record Failed(String invocationId, String error) implements StepReply {
        public Failed {
            Objects.requireNonNull(invocationId, "invocationId");
            Objects.requireNonNull(error, "error");
        }
    }
}
