package dev.ordo.saga;

/**
 * Where the {@link StepRequest}s of {@link RemoteCall} steps go: the in-process command bus
 * ({@link InProcessStepChannel}) or a message broker. Whatever carries them, the participant's answer comes back as a
 * {@link StepReply} to {@link SagaEngine#reply(StepReply)}.
 */
@FunctionalInterface
public interface StepChannel {

    /**
     * Hands the request over for delivery and returns, usually before the participant has answered. A request may be
     * delivered more than once; one that is never answered fails its step at the reply deadline.
     *
     * @throws RuntimeException when the request could not be handed over: the step's attempt fails and is retried
     */
    void send(StepRequest request);
}
