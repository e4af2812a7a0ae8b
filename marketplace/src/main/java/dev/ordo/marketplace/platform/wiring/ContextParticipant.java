package dev.ordo.marketplace.platform.wiring;

import dev.ordo.marketplace.shared.StepContract;
import dev.ordo.saga.StepRequest;

/**
 * What a bounded context answers when a saga's step calls it by message (ADR 25, 27), as a bean. In the embedded
 * application the saga's in-process channel hands each request to the handler of its {@link StepContract}; in a
 * service, the participant's endpoint on Kafka does. Either may deliver a request more than once (a retried step, a
 * restart, a redelivery), so <b>a handler does its work once per invocation id</b>: the ids it writes under come from
 * the request, and its commands are ones a decider answers the same way when repeated.
 *
 * <p>A handler's result is the successful answer; {@link StepRefusedException} (or any failure that is not transient)
 * refuses the request for good; a transient failure (the database away) is retried by whoever delivered it.
 */
public interface ContextParticipant {

    /** Registers the context's handlers. */
    void handlers(Handlers handlers);

    /** Where a context registers its handlers. */
    interface Handlers {
        <P> Handlers handle(StepContract<P> contract, Handler<? super P> handler);
    }

    /** Does what a request asks for and returns what its answer carries ({@code null} for nothing). */
    @FunctionalInterface
    interface Handler<P> {
        Object handle(P payload, StepRequest request) throws Exception;
    }
}
