package dev.ordo.saga;

import dev.ordo.core.event.EventMetadata;
import dev.ordo.core.saga.SagaStatus;
import dev.ordo.core.store.TransientFailures;
import dev.ordo.core.store.WrongExpectedVersionException;
import dev.ordo.saga.SagaEvent.CompensationAttemptFailed;
import dev.ordo.saga.SagaEvent.CompensationParked;
import dev.ordo.saga.SagaEvent.StepCompensated;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records the replies to compensation calls ({@link SagaStep#compensationCall()}) for {@link SagaEngine#reply(StepReply)}:
 * under the saga's lock, only while that compensation waits for one (its request recorded as sent, or its attempt
 * still open). A success compensates the step; a failure is a failed attempt, decided as the runner decides a
 * throwing compensation ({@link StepRunner#afterFailedCompensation}): the saga is driven again when the next attempt
 * is due, or the compensation is parked and the parking listeners hear of it. Thread-safe.
 */
final class CompensationReplies {

    private static final Logger log = LoggerFactory.getLogger(CompensationReplies.class);

    private final Map<String, SagaDefinition<?>> definitions;
    private final SagaLocks locks;
    private final SagaJournals journals;
    private final Clock clock;
    private final SagaScheduler scheduler;
    private final Consumer<ParkedCompensation> parked;

    CompensationReplies(Map<String, SagaDefinition<?>> definitions, SagaLocks locks, SagaJournals journals, Clock clock,
                        SagaScheduler scheduler, Consumer<ParkedCompensation> parked) {
        this.definitions = definitions;
        this.locks = locks;
        this.journals = journals;
        this.clock = clock;
        this.scheduler = scheduler;
        this.parked = parked;
    }

    /**
     * @return true when the reply was recorded; false when that compensation is not waiting for one
     * @throws IllegalArgumentException when a success carries a result of another type than the call's
     */
    boolean record(Invocation invocation, StepReply reply) {
        UUID sagaId = invocation.sagaId();
        String name = invocation.step();
        SagaEvent recorded;
        String type;
        SagaLocks.Held lock = locks.lock(sagaId);
        try {
            SagaJournal journal = journals.open(sagaId);
            SagaState state = journal.state();
            SagaStep<?> step = waitingStep(state, name);
            if (step == null) {
                log.debug("ignoring reply {}: that compensation is not waiting for one", reply.invocationId());
                return false;
            }
            type = state.type();
            recorded = switch (reply) {
                case StepReply.Succeeded succeeded -> {
                    String after = SagaEngine.replied(definitions.get(type), step.compensationCall(), state.data(),
                            succeeded.result());
                    yield new StepCompensated(name, after.equals(state.data()) ? null : after, clock.instant());
                }
                case StepReply.Failed failed -> StepRunner.afterFailedCompensation(step,
                        state.step(name).compensationAttempts(), failed.error(), clock.instant());
            };
            journal.append(EventMetadata.empty().withCorrelationId(sagaId.toString()), recorded);
        } catch (WrongExpectedVersionException e) {
            throw e;
        } catch (RuntimeException e) {
            if (TransientFailures.isTransient(e)) {
                scheduler.afterTransientFailure(sagaId, e);
            }
            throw e;
        } finally {
            lock.close();
        }
        switch (recorded) {
            case CompensationAttemptFailed failed -> scheduler.at(sagaId, failed.retryAt());
            case CompensationParked parking -> {
                parked.accept(new ParkedCompensation(sagaId, type, name, invocation.id(), parking.attempts(),
                        parking.error(), "no stack trace: the participant replied " + parking.error(), parking.at()));
                scheduler.now(sagaId);
            }
            default -> scheduler.now(sagaId);
        }
        return true;
    }

    /** The step whose compensation call waits for its reply in this saga; {@code null} when there is none. */
    private SagaStep<?> waitingStep(SagaState state, String name) {
        if (!state.exists() || state.status() != SagaStatus.COMPENSATING) {
            return null;
        }
        SagaDefinition<?> definition = definitions.get(state.type());
        SagaStep<?> step = definition == null ? null : definition.step(name).orElse(null);
        SagaState.Step s = state.step(name);
        boolean waiting = s.state() == SagaState.StepState.COMPENSATION_AWAITING_REPLY
                || s.state() == SagaState.StepState.COMPENSATING && s.open();
        return step != null && step.compensationCall() != null && waiting ? step : null;
    }
}
