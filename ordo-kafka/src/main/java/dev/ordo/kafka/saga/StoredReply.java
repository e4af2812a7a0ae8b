package dev.ordo.kafka.saga;

import dev.ordo.saga.StepReply;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A participant's reply in the form the inbox keeps and the reply record carries: a success's result as JSON with its
 * registered type name (both null for no result), or a failure's error text in {@code body}.
 */
record StoredReply(String invocationId, boolean succeeded, String resultType, String body) {

    StoredReply {
        Objects.requireNonNull(invocationId, "invocationId");
        if (!succeeded) {
            Objects.requireNonNull(body, "a failure's error");
        }
    }

    static StoredReply of(StepReply reply, StepMessageTypes types) {
        return switch (reply) {
            case StepReply.Succeeded succeeded -> succeeded.result() == null
                    ? new StoredReply(reply.invocationId(), true, null, null)
                    : new StoredReply(reply.invocationId(), true, types.nameOf(succeeded.result()),
                            new String(types.encode(succeeded.result()), StandardCharsets.UTF_8));
            case StepReply.Failed failed -> new StoredReply(reply.invocationId(), false, null, failed.error());
        };
    }
}
