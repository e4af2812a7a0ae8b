package dev.ordo.saga;

import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends again, on the first drive of a saga after a start, the requests its waiting steps and compensations sent
 * before: the transport may have lost them with the process. Each goes out with its invocation id and attempt as
 * before, so participants do the work once; a request that cannot be handed over is logged, and the reply deadline
 * still decides. A compensation whose deadline passed is not sent here: the drive tries it again as a new attempt.
 */
final class WaitingRequests {

    private static final Logger log = LoggerFactory.getLogger(WaitingRequests.class);

    private WaitingRequests() {
    }

    static <D> void sendAgain(SagaDefinition<D> definition, SagaState state, Instant now) {
        for (SagaStep<D> step : definition.groups().stream().flatMap(List::stream).toList()) {
            SagaState.Step s = state.step(step.name());
            if (step.call() != null && s.state() == SagaState.StepState.AWAITING_REPLY) {
                send(step, "request", state, () -> step.call().send(new StepContext<>(state.sagaId(),
                        definition.type(), step.name(), StepRunner.invocationId(state, step.name()), s.attempts(),
                        definition.codec().decode(state.data()))));
            }
            if (step.compensationCall() != null && s.state() == SagaState.StepState.COMPENSATION_AWAITING_REPLY
                    && s.deadline().isAfter(now)) {
                send(step, "compensation request", state, () -> step.compensation().compensate(new StepContext<>(
                        state.sagaId(), definition.type(), step.name(), StepRunner.compensationId(state, step.name()),
                        s.compensationAttempts(), definition.codec().decode(state.data()), state.failure())));
            }
        }
    }

    private static void send(SagaStep<?> step, String what, SagaState state, Sending sending) {
        try {
            sending.send();
            log.info("sent the {} of step {} of saga {} again after a start: its reply had not come", what,
                    step.name(), state.sagaId());
        } catch (Exception e) {
            log.warn("could not send the {} of step {} of saga {} again; its reply deadline decides", what,
                    step.name(), state.sagaId(), e);
        }
    }

    @FunctionalInterface
    private interface Sending {
        void send() throws Exception;
    }
}
