package dev.ordo.saga;

import java.time.Duration;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * A step's action (or compensation) that is a call to a participant made of two messages: a {@link StepRequest} sent
 * through a {@link StepChannel}, and the participant's {@link StepReply}, correlated by the invocation id. The saga
 * waits for the reply durably (across restarts) until the deadline, which fails the step (for a compensation: fails
 * the compensation's attempt, which is tried again). After a restart the engine sends the request of every step or
 * compensation still waiting again, since the transport may have lost it with the process; participants do the work
 * once per invocation id.
 *
 * @param channel    where the request goes
 * @param payload    the request's payload, from the step's context (its invocation id is the participant's id for the work)
 * @param resultType what a successful reply carries; {@code Void.class} for a call whose result, if any, the saga
 *                   ignores (its {@code onReply} then gets {@code null})
 * @param onReply    the saga's data after a successful reply with that result
 * @param deadline   how long the saga waits for the reply
 * @param <D> the saga's data type
 * @param <R> the result a successful reply carries
 */
public record RemoteCall<D, R>(StepChannel channel, Function<StepContext<D>, ?> payload, Class<R> resultType,
                               BiFunction<D, R, D> onReply, Duration deadline) {

    public RemoteCall {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(resultType, "resultType");
        Objects.requireNonNull(onReply, "onReply");
        Objects.requireNonNull(deadline, "deadline");
        if (deadline.isNegative() || deadline.isZero()) {
            throw new IllegalArgumentException("a reply deadline must be positive, was " + deadline);
        }
    }

    /**
     * A call whose successful reply leaves the saga's data as it is, whatever result it carries (a compensation that
     * only has to be done).
     */
    public static <D> RemoteCall<D, Void> withoutResult(StepChannel channel, Function<StepContext<D>, ?> payload,
                                                     Duration deadline) {
        return new RemoteCall<>(channel, payload, Void.class, (data, nothing) -> data, deadline);
    }

    /** Sends the request; the step then waits for the reply. */
    StepOutcome<D> send(StepContext<D> context) {
        request(context);
        return StepOutcome.awaitReply(deadline);
    }

    /**
     * Sends the request of a compensation (the context's invocation id is the compensation's); the saga then waits
     * for the reply, so the data is left as it is for now.
     */
    D sendCompensation(StepContext<D> context) {
        request(context);
        return null;
    }

    private void request(StepContext<D> context) {
        channel.send(new StepRequest(context.invocationId(), context.sagaType(), context.step(),
                Objects.requireNonNull(payload.apply(context), "payload"), context.traceParent()));
    }

    /**
     * The saga's data after a successful reply.
     *
     * @throws IllegalArgumentException when the result is not a {@code resultType}
     */
    D applied(D data, Object result) {
        if (resultType == Void.class) {
            return onReply.apply(data, null);
        }
        if (!resultType.isInstance(result)) {
            throw new IllegalArgumentException("a reply carries " + (result == null ? "no result" : "a "
                    + result.getClass().getName()) + " where " + resultType.getName() + " was expected");
        }
        return onReply.apply(data, resultType.cast(result));
    }
}
