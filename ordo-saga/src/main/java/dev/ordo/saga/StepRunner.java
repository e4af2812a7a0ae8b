package dev.ordo.saga;

import dev.ordo.core.event.EventMetadata;
import dev.ordo.core.saga.SagaStatus;
import dev.ordo.core.store.TransientFailures;
import dev.ordo.core.trace.TraceSpan;
import dev.ordo.saga.SagaEvent.CompensationAttemptFailed;
import dev.ordo.saga.SagaEvent.CompensationAwaitingReply;
import dev.ordo.saga.SagaEvent.CompensationParked;
import dev.ordo.saga.SagaEvent.CompensationResumed;
import dev.ordo.saga.SagaEvent.CompensationStarted;
import dev.ordo.saga.SagaEvent.StepAttemptFailed;
import dev.ordo.saga.SagaEvent.StepAwaitingReply;
import dev.ordo.saga.SagaEvent.StepCompensated;
import dev.ordo.saga.SagaEvent.StepFailed;
import dev.ordo.saga.SagaEvent.StepOutcomeUnknown;
import dev.ordo.saga.SagaEvent.StepResumed;
import dev.ordo.saga.SagaEvent.StepStarted;
import dev.ordo.saga.SagaEvent.StepSucceeded;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one step's action or compensation with its time limit and retry policy, recording every attempt in the
 * saga's journal before and after it runs, so that a restart knows exactly where it stopped. The saga's data is
 * decoded once per encoding it has: the steps of one drive share the decoded instance (saga data is immutable, see
 * {@link SagaDefinition}), and data a step produced is not decoded again.
 *
 * <p>What counts as an attempt: only an action (or compensation) that answered with a failure. An attempt cut short
 * (the process crashed or shut down, or its outcome could not be recorded) has an unknown outcome: it is resumed as
 * the same attempt, with the same invocation id, and recorded as resumed; only when that happened more than the
 * engine's resumption limit in a row is the outcome given up as unknown (the step is then compensated; a compensation
 * is parked), and never past the saga's point of no return ({@link SagaDefinition.Builder#cancellableUntil}), where
 * the step's effects may be out in the world and compensating would undo the saga around them. A transient failure
 * of the infrastructure (see {@link TransientFailures}) is not an attempt either: the same attempt is tried again
 * after a growing pause until the infrastructure is back. While the engine interrupts
 * what runs (a shutdown past its grace), nothing is recorded at all, and an {@link Error} thrown by an action or a
 * compensation unwinds without a record, as a process death would.
 *
 * <p>Each attempt of an action or a compensation runs in a span ({@code step <saga type>/<step>},
 * {@code compensate <saga type>/<step>}) that continues the trace the saga was started in; the step's context carries
 * the span's trace context, so what the step writes or sends continues it.
 */
final class StepRunner<D> {

    private static final Logger log = LoggerFactory.getLogger(StepRunner.class);

    /** The saga's data and the encoding it was read from or written to. */
    private record Decoded<D>(String encoded, D data) {
    }

    private final SagaDefinition<D> definition;
    private final SagaJournal journal;
    private final EventMetadata metadata;
    private final StepEnvironment env;
    private final boolean countResumptions;
    private volatile Decoded<D> decoded;

    /**
     * @param countResumptions false when the attempts left open were cut short by this engine's own last drive of the
     *                         saga, which failed for a transient reason: resuming them is no sign of a crash loop
     */
    StepRunner(SagaDefinition<D> definition, SagaJournal journal, EventMetadata metadata, StepEnvironment env,
               boolean countResumptions) {
        this.definition = definition;
        this.journal = journal;
        this.metadata = metadata;
        this.env = env;
        this.countResumptions = countResumptions;
    }

    static String invocationId(SagaState state, String step) {
        return state.sagaId() + ":" + step;
    }

    static String compensationId(SagaState state, String step) {
        return invocationId(state, step) + ":compensate";
    }

    /** A step's final outcome: an event, or a success whose update applies to the data current when it is recorded. */
    private sealed interface Result<D> {
        record Event<D>(SagaEvent event) implements Result<D> {
        }

        record Updated<D>(String step, UnaryOperator<D> update) implements Result<D> {
        }
    }

    /**
     * Runs the step's action until it succeeds, waits for a reply, or fails for good, and records the outcome. Steps
     * of a parallel group run this side by side: each success's data update is applied to the data as the journal
     * has it when recording, so no step's update overwrites another's.
     */
    void run(SagaStep<D> step) throws InterruptedException {
        Optional<Result<D>> result = result(step, false);
        if (result.isPresent()) {
            journal.append(metadata, state -> event(result.get(), state));
        }
    }

    /**
     * Runs the step's action until it succeeds, waits for a reply, or fails for good. Every attempt's start and
     * every failed attempt that will be retried are recorded here; the final outcome is returned unrecorded, so the
     * caller can record it together with what follows (the next step's start, or the saga's completion). For a step
     * that runs alone: its success's data is computed from the data as it is now.
     *
     * @param startRecorded whether the first attempt's start was already recorded by the caller
     * @return the outcome to record, or empty when the saga stopped running or the engine is stopping
     */
    Optional<SagaEvent> attempt(SagaStep<D> step, boolean startRecorded) throws InterruptedException {
        return result(step, startRecorded).map(result -> event(result, journal.state()));
    }

    private SagaEvent event(Result<D> result, SagaState state) {
        return switch (result) {
            case Result.Event<D> event -> event.event();
            case Result.Updated<D> updated -> StepSucceeded.changing(updated.step(), state.data(),
                    encode(updated.update().apply(data(state.data()))), now());
        };
    }

    private Optional<Result<D>> result(SagaStep<D> step, boolean startRecorded) throws InterruptedException {
        SagaState.Step known = journal.state().step(step.name());
        int attempt = known.attempts();
        boolean open = startRecorded || known.open();
        if (open && !startRecorded && countResumptions) {
            int resumption = known.resumptions() + 1;
            boolean pastLimit = resumption > env.resumptionLimit();
            if (pastLimit && definition.cancellable(journal.state())) {
                return outcome(new StepOutcomeUnknown(step.name(), "attempt " + attempt + " was cut short "
                        + resumption + " times in a row (a crash or shutdown each time)", now()));
            }
            if (pastLimit) {
                log.error("ALERT: step {} of saga {} was cut short {} times in a row; past the point of no return "
                        + "it is never given up (its effects may be out in the world), so it is resumed again: if "
                        + "it is what brings the process down, fix it and restart", step.name(),
                        journal.state().sagaId(), resumption);
            } else {
                log.info("resuming step {} of saga {}: attempt {} was cut short, its outcome is unknown",
                        step.name(), journal.state().sagaId(), attempt);
            }
            journal.append(metadata, new StepResumed(step.name(), attempt, resumption,
                    invocationId(journal.state(), step.name()), now()));
        }
        int transientFailures = 0;
        while (true) {
            SagaState state = journal.state();
            if (state.status() != SagaStatus.RUNNING || env.stopping()) {
                return Optional.empty();
            }
            String invocationId = invocationId(state, step.name());
            if (!open) {
                attempt++;
                journal.append(metadata, new StepStarted(step.name(), attempt, invocationId, now()));
                open = true;
            }
            D data = data(state.data());
            TraceSpan span = span("step ", step.name(), invocationId, attempt);
            StepContext<D> context = new StepContext<>(state.sagaId(), definition.type(), step.name(), invocationId,
                    attempt, data, null, span.traceParent());
            long started = System.nanoTime();
            try {
                StepOutcome<D> outcome = call(invocationId, span, () -> step.action().run(context), step.timeout(),
                        true);
                if (env.interrupted()) {
                    return Optional.empty();
                }
                metrics(step, "success", started);
                return switch (outcome) {
                    case StepOutcome.Done<D> done when done.update() != null ->
                            Optional.of(new Result.Updated<>(step.name(), done.update()));
                    case StepOutcome.Done<D> done -> outcome(new StepSucceeded(step.name(), now()));
                    case StepOutcome.AwaitReply<D> await -> outcome(new StepAwaitingReply(step.name(),
                            now().plus(await.deadline()), now()));
                };
            } catch (TimeoutException e) {
                if (env.interrupted()) {
                    return Optional.empty();
                }
                metrics(step, "timeout", started);
                return outcome(new StepFailed(step.name(), "no result within " + step.timeout(), true, now()));
            } catch (ExecutionException e) {
                Throwable cause = unlessError(e);
                if (env.interrupted()) {
                    return Optional.empty();
                }
                if (TransientFailures.isTransient(cause)) {
                    metrics(step, "transient", started);
                    pauseAfterTransientFailure(state, step.name(), ++transientFailures, cause);
                    continue;
                }
                metrics(step, "failure", started);
                if (!step.retry().retryable().test(cause) || attempt >= step.retry().maxAttempts()) {
                    return outcome(new StepFailed(step.name(), describe(cause), false, now()));
                }
                Instant retryAt = now().plus(step.retry().pauseAfter(attempt));
                journal.append(metadata, new StepAttemptFailed(step.name(), attempt, describe(cause), retryAt, now()));
                open = false;
                pauseUntil(retryAt);
            }
        }
    }

    /**
     * What a step that waited for its reply past the deadline comes to. Nobody said no, so the attempt's outcome is
     * unknown: it counts as a failed attempt, and the next one runs the action again under the same invocation id (a
     * {@link RemoteCall} sends its request again; the participant does the work once and answers again). Once the
     * step's attempts ({@link StepRetry#maxAttempts()}) ran out it fails as timed out and the saga compensates it too,
     * whatever part took effect. Past the saga's point of no return it never gives up: it asks again, since
     * compensating would undo the saga around effects that may be out in the world.
     */
    SagaEvent deadlinePassed(SagaStep<D> step, Instant deadline) {
        SagaState state = journal.state();
        int attempt = state.step(step.name()).attempts();
        String error = "no reply before the deadline " + deadline;
        metrics(step, "timeout", System.nanoTime());
        boolean attemptsLeft = attempt < step.retry().maxAttempts();
        if (!attemptsLeft && definition.cancellable(state)) {
            return new StepFailed(step.name(), error, true, now());
        }
        if (!attemptsLeft) {
            log.error("ALERT: step {} of saga {} had no reply after {} attempts; past the point of no return it is "
                    + "never given up, so its request is sent again: look at its participant", step.name(),
                    state.sagaId(), attempt);
        } else {
            log.info("step {} of saga {} had no reply before its deadline (attempt {}): asking again", step.name(),
                    state.sagaId(), attempt);
        }
        return new StepAttemptFailed(step.name(), attempt, error, now(), now());
    }

    /**
     * Runs the step's compensation until it succeeds or its attempts run out; first waits (bounded) for the step's
     * action to stop if this engine abandoned it, so that what a late action did is undone too. A compensation call
     * ({@link SagaStep#compensationCall()}) succeeds here once its request is out: the wait for the reply is recorded
     * and the drive moves on; the reply ({@link SagaEngine#reply(StepReply)}) or the deadline decides the attempt. A
     * step whose compensation waited for a reply is handed here again only once the deadline passed: that attempt
     * failed, and the next one sends the request again.
     *
     * @return the parked compensation when it kept failing; empty when it succeeded (or its request is out) or the
     *         engine is stopping
     */
    Optional<ParkedCompensation> compensate(SagaStep<D> step) throws InterruptedException {
        SagaState state = journal.state();
        String actionId = invocationId(state, step.name());
        if (!env.abandoned().awaitStopped(actionId, env.abandonedActionWait())) {
            log.warn("compensating step {} of saga {} while its abandoned action still runs after {}: the participant "
                    + "must refuse it when it lands (a fence for {})", step.name(), state.sagaId(),
                    env.abandonedActionWait(), actionId);
        }
        SagaState.Step known = state.step(step.name());
        String invocationId = compensationId(state, step.name());
        int attempt = known.compensationAttempts();
        boolean open = known.state() == SagaState.StepState.COMPENSATING && known.open();
        if (known.state() == SagaState.StepState.COMPENSATION_AWAITING_REPLY) {
            String error = "no reply before the deadline " + known.deadline();
            metrics(step, ":compensate", "timeout", System.nanoTime());
            Optional<ParkedCompensation> parked = failed(step, invocationId, attempt, error, "no stack trace: " + error);
            if (parked.isPresent()) {
                return parked;
            }
        }
        if (open && countResumptions) {
            int resumption = known.resumptions() + 1;
            if (resumption > env.resumptionLimit()) {
                String error = "compensation attempt " + attempt + " was cut short " + resumption
                        + " times in a row (a crash or shutdown each time)";
                return Optional.of(park(step, invocationId, attempt, error, "no stack trace: " + error));
            }
            log.info("resuming the compensation of step {} of saga {}: attempt {} was cut short", step.name(),
                    state.sagaId(), attempt);
            journal.append(metadata, new CompensationResumed(step.name(), attempt, resumption, invocationId, now()));
        }
        int transientFailures = 0;
        while (true) {
            if (env.stopping()) {
                return Optional.empty();
            }
            if (!open) {
                attempt++;
                journal.append(metadata, new CompensationStarted(step.name(), attempt, invocationId, now()));
                open = true;
            }
            state = journal.state();
            D data = data(state.data());
            TraceSpan span = span("compensate ", step.name(), invocationId, attempt);
            StepContext<D> context = new StepContext<>(state.sagaId(), definition.type(), step.name(), invocationId,
                    attempt, data, state.failure(), span.traceParent());
            long started = System.nanoTime();
            Throwable failure;
            try {
                D result = call(invocationId, span, () -> step.compensation().compensate(context), step.timeout(),
                        false);
                if (env.interrupted()) {
                    return Optional.empty();
                }
                if (step.compensationCall() != null) {
                    journal.append(metadata, new CompensationAwaitingReply(step.name(), attempt,
                            now().plus(step.compensationCall().deadline()), now()));
                    metrics(step, ":compensate", "sent", started);
                    return Optional.empty();
                }
                journal.append(metadata, new StepCompensated(step.name(), result == null ? null : encode(result),
                        now()));
                metrics(step, ":compensate", "success", started);
                return Optional.empty();
            } catch (TimeoutException e) {
                failure = new TimeoutException("compensation gave no result within " + step.timeout());
            } catch (ExecutionException e) {
                failure = unlessError(e);
            }
            if (env.interrupted()) {
                return Optional.empty();
            }
            if (TransientFailures.isTransient(failure)) {
                metrics(step, ":compensate", "transient", started);
                pauseAfterTransientFailure(state, step.name() + " (compensation)", ++transientFailures, failure);
                continue;
            }
            metrics(step, ":compensate", "failure", started);
            Optional<ParkedCompensation> parked = failed(step, invocationId, attempt, describe(failure),
                    stackTrace(failure));
            if (parked.isPresent()) {
                return parked;
            }
            open = false;
        }
    }

    /**
     * Records a failed attempt of the compensation: parks it when it was the last one, else records the failure and
     * waits until the next attempt is due.
     */
    private Optional<ParkedCompensation> failed(SagaStep<D> step, String invocationId, int attempt, String error,
                                                String stackTrace) throws InterruptedException {
        SagaEvent next = afterFailedCompensation(step, attempt, error, now());
        if (next instanceof CompensationAttemptFailed retried) {
            journal.append(metadata, retried);
            pauseUntil(retried.retryAt());
            return Optional.empty();
        }
        return Optional.of(park(step, invocationId, attempt, error, stackTrace));
    }

    /**
     * What a failed attempt of a step's compensation leads to: a {@link CompensationParked} when it was the step's
     * last attempt, else a {@link CompensationAttemptFailed} whose next attempt is due after the step's retry pause.
     */
    static SagaEvent afterFailedCompensation(SagaStep<?> step, int attempt, String error, Instant now) {
        if (attempt >= step.retry().maxAttempts()) {
            return new CompensationParked(step.name(), attempt, error, now);
        }
        return new CompensationAttemptFailed(step.name(), attempt, error, now.plus(step.retry().pauseAfter(attempt)),
                now);
    }

    private ParkedCompensation park(SagaStep<D> step, String invocationId, int attempts, String error,
                                    String stackTrace) {
        journal.append(metadata, new CompensationParked(step.name(), attempts, error, now()));
        return new ParkedCompensation(journal.state().sagaId(), definition.type(), step.name(), invocationId, attempts,
                error, stackTrace, now());
    }

    private static <D> Optional<Result<D>> outcome(SagaEvent event) {
        return Optional.of(new Result.Event<>(event));
    }

    /** The failure of a call; an {@link Error} is thrown on: the process is in trouble, and records nothing. */
    private static Throwable unlessError(ExecutionException e) {
        if (e.getCause() instanceof Error error) {
            throw error;
        }
        return e.getCause();
    }

    /** The saga's data from its encoding, decoded only when the encoding changed since the last call. */
    private D data(String encoded) {
        Decoded<D> last = decoded;
        if (last != null && Objects.equals(last.encoded(), encoded)) {
            return last.data();
        }
        D data = definition.codec().decode(encoded);
        decoded = new Decoded<>(encoded, data);
        return data;
    }

    private String encode(D data) {
        String encoded = definition.codec().encode(data);
        decoded = new Decoded<>(encoded, data);
        return encoded;
    }

    /**
     * Starts the span of an attempt, continuing the trace the saga was started in; the caller hands it to
     * {@link #call(String, TraceSpan, Callable, Duration, boolean)} at once, which closes it.
     */
    private TraceSpan span(String kind, String step, String invocationId, int attempt) {
        TraceSpan span = env.tracing().start(kind + definition.type() + "/" + step, metadata.traceParent());
        if (span.recording()) {
            span.tag("ordo.saga.type", definition.type()).tag("ordo.saga.step", step)
                    .tag("ordo.saga.invocation", invocationId).tag("ordo.saga.attempt", Integer.toString(attempt));
        }
        return span;
    }

    /**
     * Runs the call as {@link #call(String, Callable, Duration, boolean)} does, with the span current where it runs;
     * the span is marked with the failure, if any, and closed on this thread.
     */
    private <T> T call(String invocationId, TraceSpan span, Callable<T> work, Duration timeout, boolean action)
            throws TimeoutException, ExecutionException, InterruptedException {
        try {
            return call(invocationId, span.wrap(work), timeout, action);
        } catch (ExecutionException e) {
            span.error(e.getCause());
            throw e;
        } catch (TimeoutException | InterruptedException e) {
            span.error(e);
            throw e;
        } finally {
            span.close();
        }
    }

    /**
     * Runs the call on the engine's executor and waits for it up to {@code timeout}. A call that times out is
     * interrupted and, for an action, remembered as abandoned until its thread really stops.
     */
    private <T> T call(String invocationId, Callable<T> work, Duration timeout, boolean action)
            throws TimeoutException, ExecutionException, InterruptedException {
        CompletableFuture<Void> stopped = new CompletableFuture<>();
        Future<T> future = env.executor().submit(() -> {
            try {
                return work.call();
            } finally {
                stopped.complete(null);
            }
        });
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            if (action) {
                env.abandoned().abandoned(invocationId, stopped);
            }
            throw e;
        } catch (InterruptedException e) {
            future.cancel(true);
            throw e;
        }
    }

    private void pauseAfterTransientFailure(SagaState state, String step, int failures, Throwable cause)
            throws InterruptedException {
        Duration pause = env.transientBackoff().after(failures);
        if (failures == 1 || failures % 10 == 0) {
            log.warn("step {} of saga {} met a transient failure ({} in a row: {}); trying the same attempt again in "
                    + "{} ms", step, state.sagaId(), failures, describe(cause), pause.toMillis());
        }
        TimeUnit.MILLISECONDS.sleep(pause.toMillis());
    }

    private void pauseUntil(Instant when) throws InterruptedException {
        long millis = Duration.between(now(), when).toMillis();
        if (millis > 0) {
            TimeUnit.MILLISECONDS.sleep(millis);
        }
    }

    private void metrics(SagaStep<D> step, String outcome, long started) {
        env.metrics().step(definition.type(), step.name(), outcome, started);
    }

    private void metrics(SagaStep<D> step, String suffix, String outcome, long started) {
        env.metrics().step(definition.type(), step.name() + suffix, outcome, started);
    }

    private Instant now() {
        return env.clock().instant();
    }

    static String describe(Throwable error) {
        String message = error.getMessage();
        return error.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    private static String stackTrace(Throwable error) {
        StringWriter out = new StringWriter();
        error.printStackTrace(new PrintWriter(out));
        String trace = out.toString();
        return trace.length() > 8_000 ? trace.substring(0, 8_000) : trace;
    }
}
