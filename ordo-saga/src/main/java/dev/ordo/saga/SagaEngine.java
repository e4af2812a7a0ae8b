package dev.ordo.saga;

import dev.ordo.core.event.EventMetadata;
import dev.ordo.core.event.EventSerializer;
import dev.ordo.core.event.EventTypeRegistry;
import dev.ordo.core.event.RecordedEvent;
import dev.ordo.core.event.RememberingEventSerializer;
import dev.ordo.core.saga.SagaIndex;
import dev.ordo.core.saga.SagaStatus;
import dev.ordo.core.saga.SagaSummary;
import dev.ordo.core.store.EventStore;
import dev.ordo.core.store.TransientFailures;
import dev.ordo.core.store.WrongExpectedVersionException;
import dev.ordo.jackson.JacksonEventSerializer;
import dev.ordo.saga.SagaEvent.CancelRequested;
import dev.ordo.saga.SagaEvent.CompensationRedriven;
import dev.ordo.saga.SagaEvent.SagaStarted;
import dev.ordo.saga.SagaEvent.StepFailed;
import dev.ordo.saga.SagaEvent.StepSucceeded;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs sagas: starts them, drives them step by step (parallel groups on virtual threads), waits durably for replies,
 * compensates every step that was attempted, in reverse order, when a step fails, times out or the saga is cancelled,
 * and parks a compensation that keeps failing (raising an alert) until an operator redrives it.
 *
 * <p>Every transition is appended to the saga's stream before the engine goes on, so after a crash
 * {@link #resumeUnfinished()} continues each saga where it stopped. An attempt cut short by a crash or a shutdown is
 * not a failed attempt: its outcome is unknown, and it is resumed as the same attempt with the same invocation id,
 * which participants use to do the work only once (see {@link StepRunner}). A drive that fails for a transient reason
 * (the database went away) is tried again after a growing pause, in this process, until the database is back. A
 * timer thread wakes sagas whose reply deadline passed, across restarts (deadlines live in the {@link SagaIndex}). One
 * drive per saga at a time in this process; across processes the stream's expected version arbitrates. Thread-safe.
 */
public final class SagaEngine implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SagaEngine.class);
    /** How many decoded saga events to keep: a saga's journal is read again when its stream moved. */
    private static final int REMEMBERED_EVENTS = 4_096;
    /** How many unfinished sagas' journals to keep between drives. */
    private static final int KEPT_JOURNALS = 4_096;

    private final EventStore store;
    private final SagaIndex index;
    private final Clock clock;
    private final SagaMetrics metrics;
    private final Map<String, SagaDefinition<?>> definitions;
    private final EventSerializer serializer;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final SagaLocks locks = new SagaLocks();
    private final SagaProgress progress = new SagaProgress(this::state);
    private final SagaScheduler scheduler;
    private final SagaDriver driver;
    private final SagaJournals journals;
    private final CompensationReplies compensationReplies;
    private volatile boolean running = true;
    private volatile boolean abandoning;

    SagaEngine(SagaEngineBuilder builder) {
        this.store = builder.store;
        this.index = builder.index;
        this.clock = builder.clock;
        this.metrics = new SagaMetrics(builder.meters);
        this.definitions = Map.copyOf(builder.definitions);
        this.serializer = builder.serializer != null ? builder.serializer : new RememberingEventSerializer(
                JacksonEventSerializer.of(EventTypeRegistry.builder().registerSealed(SagaEvent.class).build()),
                REMEMBERED_EVENTS);
        this.journals = new SagaJournals(store, serializer, KEPT_JOURNALS);
        StepEnvironment environment = new StepEnvironment(executor, clock, metrics, new AbandonedActions(),
                builder.resumptionLimit, builder.abandonedActionWait, builder.transientBackoff, () -> running,
                () -> abandoning, builder.tracing);
        SagaListeners listeners = new SagaListeners(metrics, builder.parkingListeners, builder.finishListeners);
        this.driver = new SagaDriver(index, environment, () -> running, listeners::parked, listeners::finished);
        this.scheduler = new SagaScheduler(executor, index, clock, builder.pollInterval, builder.transientBackoff,
                builder.maxConcurrentDrives, this::drive);
        this.compensationReplies = new CompensationReplies(definitions, locks, journals, clock, scheduler,
                listeners::parked);
    }

    public static SagaEngineBuilder builder(EventStore store, SagaIndex index) {
        return new SagaEngineBuilder(store, index);
    }

    /**
     * Starts a saga and drives it in the background. Starting a saga id that already exists changes nothing but
     * driving it if it is unfinished, so a retried start is safe, also after a start whose outcome was unknown.
     *
     * @return true when this call started it
     * @throws IllegalArgumentException when the definition was not registered with the engine
     * @throws RuntimeException         what the store or the index threw; when the outcome is unknown (a transient
     *                                  failure), the engine also drives the saga again after a pause, so a saga that
     *                                  was written anyway runs even when the caller gives up
     */
    public <D> boolean start(SagaDefinition<D> definition, UUID sagaId, D data, EventMetadata metadata) {
        requireRegistered(definition);
        SagaLocks.Held lock = locks.lock(sagaId);
        try {
            SagaJournal journal = journals.open(sagaId);
            if (journal.state().exists()) {
                if (!journal.state().status().isFinished()) {
                    schedule(sagaId);
                }
                return false;
            }
            index.save(new SagaSummary(sagaId, definition.type(), SagaStatus.RUNNING, null, null, clock.instant()));
            journal.append(metadata, new SagaStarted(definition.type(), definition.codec().encode(data), clock.instant()));
            metrics.saga(definition.type(), "started");
        } catch (WrongExpectedVersionException raced) {
            return false;
        } catch (RuntimeException e) {
            throw retryingWhenUnknown(sagaId, e);
        } finally {
            lock.close();
        }
        schedule(sagaId);
        return true;
    }

    /**
     * A write of the API failed: when it failed for a transient reason its outcome is unknown, so the saga is driven
     * again after a pause (the drive reads what was written and goes on, or finds nothing to do).
     */
    private RuntimeException retryingWhenUnknown(UUID sagaId, RuntimeException failure) {
        if (TransientFailures.isTransient(failure)) {
            scheduler.afterTransientFailure(sagaId, failure);
        }
        return failure;
    }

    /**
     * Records the reply of a step waiting for one and goes on with the saga. A reply for a step that is not waiting
     * (a duplicate, or one after the deadline) is ignored; a late success while compensating is recorded, so that the
     * step is compensated too.
     *
     * @return true when the reply was recorded
     */
    public <D> boolean reply(SagaDefinition<D> definition, UUID sagaId, String step, UnaryOperator<D> update) {
        return record(sagaId, step, awaitingReply(step), journal -> update == null ? new StepSucceeded(step, clock.instant())
                : StepSucceeded.changing(step, journal.state().data(), definition.codec().encode(
                        update.apply(definition.codec().decode(journal.state().data()))), clock.instant()));
    }

    /** Records that a step waiting for a reply failed; the saga compensates. Ignored when the step is not waiting. */
    public boolean replyFailure(UUID sagaId, String step, String error) {
        return record(sagaId, step, awaitingReply(step),
                journal -> new StepFailed(step, error, false, clock.instant()));
    }

    /**
     * Records a participant's reply to the request of a {@link RemoteCall} step, found by its invocation id alone, and
     * goes on with the saga. A success applies the call's {@code onReply} to the data; a failure fails the step, and
     * the saga compensates. The reply is recorded while the step waits for it, and also while the step is still
     * recording that it sent the request (a fast participant in another process); a reply for a step that is not
     * waiting (a duplicate, one after the deadline), for an unknown saga or step, or for a step that is no remote
     * call is ignored. As with {@link #reply(SagaDefinition, UUID, String, UnaryOperator)}, a late success while
     * compensating is recorded so that the step is compensated too.
     *
     * <p>A reply to a step's {@linkplain SagaStep#compensationCall() compensation call} (its invocation id ends with
     * {@code :compensate}) is recorded while that compensation waits for it: a success compensates the step (with the
     * call's {@code onReply} applied to the data); a failure is a failed attempt of the compensation, tried again after
     * the step's retry pause (its request sent again) or parked, alerting the parking listeners, when it was the last
     * attempt. Replies do not name the attempt they answer: one arriving while a later attempt waits is taken as that
     * attempt's.
     *
     * @return true when the reply was recorded
     * @throws IllegalArgumentException when a success carries a result of another type than the call's
     */
    public boolean reply(StepReply reply) {
        Optional<Invocation> invocation = Invocation.parse(reply.invocationId());
        if (invocation.isEmpty()) {
            log.warn("ignoring a reply for {}: not the invocation id of a saga step", reply.invocationId());
            return false;
        }
        if (invocation.get().compensation()) {
            return compensationReplies.record(invocation.get(), reply);
        }
        String name = invocation.get().step();
        Predicate<SagaState> remoteStepWaiting = state -> remoteCall(state, name) != null
                && (state.step(name).state() == SagaState.StepState.AWAITING_REPLY
                || state.step(name).state() == SagaState.StepState.STARTED);
        return record(invocation.get().sagaId(), name, remoteStepWaiting, journal -> switch (reply) {
            case StepReply.Succeeded succeeded -> StepSucceeded.changing(name, journal.state().data(),
                    replied(definitions.get(journal.state().type()), remoteCall(journal.state(), name),
                            journal.state().data(), succeeded.result()), clock.instant());
            case StepReply.Failed failed -> new StepFailed(name, failed.error(), false, clock.instant());
        });
    }

    /** The remote call of the named step of the saga's definition; {@code null} when it is no such step. */
    private RemoteCall<?, ?> remoteCall(SagaState state, String step) {
        SagaDefinition<?> definition = definitions.get(state.type());
        return definition == null ? null : definition.step(step).map(SagaStep::call).orElse(null);
    }

    private static Predicate<SagaState> awaitingReply(String step) {
        return state -> state.step(step).state() == SagaState.StepState.AWAITING_REPLY;
    }

    /** The saga's data, encoded, after the call's {@code onReply} applied the result to it. */
    static <D> String replied(SagaDefinition<D> definition, RemoteCall<?, ?> remote, String data,
                                      Object result) {
        @SuppressWarnings("unchecked") // the call is one of the definition's steps, so its data type is D
        RemoteCall<D, ?> call = (RemoteCall<D, ?>) remote;
        return definition.codec().encode(call.applied(definition.codec().decode(data), result));
    }

    /**
     * Appends the reply's event when the saga exists, is not finished and its step is {@code waiting}; otherwise
     * ignores it.
     */
    private boolean record(UUID sagaId, String step, Predicate<SagaState> waiting,
                           Function<SagaJournal, SagaEvent> event) {
        return writeLocked(sagaId, journal -> {
            SagaState state = journal.state();
            if (!state.exists() || state.status().isFinished() || !waiting.test(state)) {
                log.debug("ignoring reply for step {} of saga {}: it is not waiting for one", step, sagaId);
                return false;
            }
            journal.append(EventMetadata.empty(), event.apply(journal));
            return true;
        });
    }

    /**
     * Runs a write of the API on the saga's journal under its lock, and drives the saga when it wrote. A conflict
     * reaches the caller; another failure too, and when it was transient the saga is driven again after a pause.
     */
    private boolean writeLocked(UUID sagaId, Predicate<SagaJournal> write) {
        SagaLocks.Held lock = locks.lock(sagaId);
        boolean wrote;
        try {
            wrote = write.test(journals.open(sagaId));
        } catch (WrongExpectedVersionException e) {
            throw e;
        } catch (RuntimeException e) {
            throw retryingWhenUnknown(sagaId, e);
        } finally {
            lock.close();
        }
        if (wrote) {
            schedule(sagaId);
        }
        return wrote;
    }

    /**
     * Cancels a running saga: it stops starting steps and compensates what was done. Does nothing for a saga that is
     * compensating, parked or finished, or past its definition's point of no return. The cancellation is appended at
     * the version of the saga that was read, so it never lands after the saga completed: when the saga changed
     * meanwhile, it is read again and the cancellation tried again (or refused, if the saga finished). It does not wait for a step under way: the drive running it
     * records the step's outcome, finds the cancellation (its own append conflicts) and compensates.
     *
     * @return true when the cancellation was recorded
     */
    public boolean cancel(UUID sagaId, String reason, EventMetadata metadata) {
        Objects.requireNonNull(reason, "reason");
        while (true) {
            SagaJournal journal = SagaJournal.open(store, serializer, sagaId);
            SagaState state = journal.state();
            if (!state.exists() || state.status() != SagaStatus.RUNNING) {
                return false;
            }
            SagaDefinition<?> definition = definitions.get(state.type());
            if (definition != null && !definition.cancellable(state)) {
                return false;
            }
            try {
                journal.append(metadata, new CancelRequested(reason, clock.instant()));
                break;
            } catch (WrongExpectedVersionException changed) {
                log.debug("saga {} changed while cancelling it; reading it again", sagaId);
            } catch (RuntimeException e) {
                throw retryingWhenUnknown(sagaId, e);
            }
        }
        schedule(sagaId);
        return true;
    }

    /**
     * Tries a parked compensation again (an operator's action, after the cause was fixed).
     *
     * @return true when the saga was parked and is now compensating again
     */
    public boolean redrive(UUID sagaId, String actor) {
        return writeLocked(sagaId, journal -> {
            SagaState state = journal.state();
            if (state.status() != SagaStatus.PARKED) {
                return false;
            }
            String parked = state.steps().values().stream()
                    .filter(s -> s.state() == SagaState.StepState.COMPENSATION_PARKED).map(SagaState.Step::name)
                    .findFirst().orElseThrow();
            journal.append(EventMetadata.empty().withActor(actor), new CompensationRedriven(parked, actor,
                    clock.instant()));
            return true;
        });
    }

    /** The saga's current state (folded from its stream). */
    public SagaState state(UUID sagaId) {
        return SagaJournal.open(store, serializer, sagaId).state();
    }

    /** The saga's history: every event of its stream, oldest first. */
    public List<RecordedEvent> history(UUID sagaId) {
        return store.readStreamForwards(SagaJournal.stream(sagaId));
    }

    /** The index of sagas, for lists by status. */
    public SagaIndex index() {
        return index;
    }

    /**
     * Drives every saga that was running or compensating, in the background; call once after a start. When the index
     * cannot be read for a transient reason (the database is down), it keeps trying in the background with backoff
     * until it can or the engine stops, and returns 0.
     *
     * @return how many sagas it resumed now
     */
    public int resumeUnfinished() {
        return scheduler.resumeUnfinished();
    }

    /**
     * Waits until the saga reaches one of the given statuses.
     *
     * @return the state when it did, or the last state seen at the timeout
     */
    public SagaState await(UUID sagaId, Duration timeout, SagaStatus... statuses) throws InterruptedException {
        return progress.await(sagaId, timeout, List.of(statuses));
    }

    /**
     * Runs the saga until it waits, finishes or is parked; normally called from the background scheduler. A drive
     * that fails for a transient reason is tried again after a pause; one that meets a conflict (another process or
     * a cancellation wrote to the saga) at once.
     */
    public void drive(UUID sagaId) {
        SagaLocks.Held lock = locks.lock(sagaId);
        try {
            SagaJournal journal = journals.open(sagaId);
            if (!journal.state().exists()) {
                index.delete(sagaId);
                return;
            }
            SagaDefinition<?> definition = definitions.get(journal.state().type());
            if (definition == null) {
                log.error("saga {} is of type {} which no definition registered with this engine handles", sagaId,
                        journal.state().type());
                return;
            }
            driver.drive(definition, journal, !scheduler.recovering(sagaId), scheduler.firstDriveAfterStart(sagaId));
            scheduler.recovered(sagaId);
            if (journal.state().status().isFinished()) {
                journals.forget(sagaId);
                scheduler.finished(sagaId);
            }
        } catch (WrongExpectedVersionException conflict) {
            log.debug("saga {} was changed elsewhere while driving it; looking again", sagaId);
            schedule(sagaId);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            failed(sagaId, e);
        } catch (Error e) {
            log.error("driving saga {} was cut short by an error; it is driven again in a while, and the step that ran "
                    + "is resumed", sagaId, e);
            scheduler.afterError(sagaId);
            throw e;
        } finally {
            lock.close();
            progress.signal();
        }
    }

    private void failed(UUID sagaId, RuntimeException e) {
        if (!running) {
            log.debug("driving saga {} stopped with the engine: {}", sagaId, e.toString());
        } else if (TransientFailures.isTransient(e)) {
            scheduler.afterTransientFailure(sagaId, e);
        } else {
            log.error("driving saga {} failed; it will be resumed on the next start or wake-up", sagaId, e);
        }
    }

    private void schedule(UUID sagaId) {
        scheduler.now(sagaId);
    }

    private void requireRegistered(SagaDefinition<?> definition) {
        if (definitions.get(definition.type()) != definition) {
            throw new IllegalArgumentException("saga definition " + definition.type() + " is not registered with this engine");
        }
    }

    /** Stops, giving running steps 10 seconds to finish; see {@link #shutdown(Duration)}. */
    @Override
    public void close() {
        shutdown(Duration.ofSeconds(10));
    }

    /**
     * Stops: no step or compensation attempt starts any more, and the timer and retries stop. Attempts under way get
     * up to {@code grace} to finish, and their outcomes are recorded; then they are interrupted, and nothing at all is
     * recorded for them: they stay open in their sagas (their outcome is unknown), and the next engine resumes them as
     * the same attempts, with the same invocation ids.
     */
    public void shutdown(Duration grace) {
        running = false;
        scheduler.stop();
        executor.shutdown();
        try {
            if (!executor.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                abandoning = true;
                executor.shutdownNow();
                if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
                    log.warn("some saga steps did not stop within 5 s of being interrupted");
                }
            }
        } catch (InterruptedException e) {
            abandoning = true;
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
