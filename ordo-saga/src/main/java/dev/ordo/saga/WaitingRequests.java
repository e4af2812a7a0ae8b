package dev.ordo.saga;

import dev.ordo.core.event.EventMetadata;
import dev.ordo.saga.SagaEvent.CompensationAwaitingReply;
import dev.ordo.saga.SagaEvent.StepAwaitingReply;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends again, on the first drive of a saga after a start, the requests its waiting steps and compensations sent
 * before: the transport may have lost them with the process. Each goes out with its invocation id and attempt as
 * before, so participants do the work once, and its wait starts again: a fresh reply deadline is recorded, since the
 * time the saga's process was down (or starting) must not use up the participant's. A request that cannot be handed
 * over is logged, and the old deadline still decides. A compensation whose deadline passed before the engine stopped
 * is not sent here: the drive tries it again as a new attempt.
 */
final class WaitingRequests {

    private static final Logger log = LoggerFactory.getLogger(WaitingRequests.class);

    private WaitingRequests() {
    }

    /**
     * @throws dev.ordo.core.store.WrongExpectedVersionException when a reply was recorded meanwhile (the drive looks
     *                                                           again)
     */
    static <D> void sendAgain(SagaDefinition<D> definition, SagaJournal journal, EventMetadata metadata, Instant now) {
        SagaState state = journal.state();
        for (SagaStep<D> step : definition.groups().stream().flatMap(List::stream).toList()) {
            SagaState.Step s = state.step(step.name());
            if (step.call() != null && s.state() == SagaState.StepState.AWAITING_REPLY
                    && send(step, "request", state, () -> step.call().send(new StepContext<>(state.sagaId(),
                    definition.type(), step.name(), StepRunner.invocationId(state, step.name()), s.attempts(),
                    definition.codec().decode(state.data()), null, metadata.traceParent())))) {
                journal.append(metadata, new StepAwaitingReply(step.name(), now.plus(step.call().deadline()), now));
            }
            if (step.compensationCall() != null && s.state() == SagaState.StepState.COMPENSATION_AWAITING_REPLY
                    && s.deadline().isAfter(now)
                    && send(step, "compensation request", state, () -> step.compensation().compensate(
                    new StepContext<>(state.sagaId(), definition.type(), step.name(),
                            StepRunner.compensationId(state, step.name()), s.compensationAttempts(),
                            definition.codec().decode(state.data()), state.failure(), metadata.traceParent())))) {
                journal.append(metadata, new CompensationAwaitingReply(step.name(), s.compensationAttempts(),
                        now.plus(step.compensationCall().deadline()), now));
            }
        }
    }

    /** Sends; whether the request was handed over. */
    private static boolean send(SagaStep<?> step, String what, SagaState state, Sending sending) {
        try {
            sending.send();
            log.info("sent the {} of step {} of saga {} again after a start: its reply had not come; its wait starts "
                    + "again", what, step.name(), state.sagaId());
            return true;
        } catch (Exception e) {
            log.warn("could not send the {} of step {} of saga {} again; its reply deadline decides", what,
                    step.name(), state.sagaId(), e);
            return false;
        }
    }

    @FunctionalInterface
    private interface Sending {
        void send() throws Exception;
    }
}
