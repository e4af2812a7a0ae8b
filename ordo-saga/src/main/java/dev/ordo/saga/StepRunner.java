package dev.ordo.saga;

import dev.ordo.core.event.EventMetadata;
import dev.ordo.saga.SagaEvent.CompensationAttemptFailed;
import dev.ordo.saga.SagaEvent.CompensationParked;
import dev.ordo.saga.SagaEvent.CompensationStarted;
import dev.ordo.saga.SagaEvent.StepAttemptFailed;
import dev.ordo.saga.SagaEvent.StepAwaitingReply;
import dev.ordo.saga.SagaEvent.StepCompensated;
import dev.ordo.saga.SagaEvent.StepFailed;
import dev.ordo.saga.SagaEvent.StepStarted;
import dev.ordo.saga.SagaEvent.StepSucceeded;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.UnaryOperator;

/**
 * Runs one step's action or compensation with its time limit and retry policy, recording every attempt in the
 * saga's journal before and after it runs, so that a restart knows exactly where it stopped. The saga's data is
 * decoded once per encoding it has: the steps of one drive share the decoded instance (saga data is immutable, see
 * {@link SagaDefinition}), and data a step produced is not decoded again.
 */
final class StepRunner<D> {

    /** The saga's data and the encoding it was read from or written to. */
    private record Decoded<D>(String encoded, D data) {
    }

    private final SagaDefinition<D> definition;
    private final SagaJournal journal;
    private final ExecutorService executor;
    private final Clock clock;
    private final EventMetadata metadata;
    private final SagaMetrics metrics;
    private volatile Decoded<D> decoded;

    StepRunner(SagaDefinition<D> definition, SagaJournal journal, ExecutorService executor, Clock clock,
               EventMetadata metadata, SagaMetrics metrics) {
        this.definition = definition;
        this.journal = journal;
        this.executor = executor;
        this.clock = clock;
        this.metadata = metadata;
        this.metrics = metrics;
    }

    static String invocationId(SagaState state, String step) {
        return state.sagaId() + ":" + step;
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
     * @return the outcome to record, or empty when the saga stopped running meanwhile
     */
    Optional<SagaEvent> attempt(SagaStep<D> step, boolean startRecorded) throws InterruptedException {
        return result(step, startRecorded).map(result -> event(result, journal.state()));
    }

    private SagaEvent event(Result<D> result, SagaState state) {
        return switch (result) {
            case Result.Event<D> event -> event.event();
            case Result.Updated<D> updated -> new StepSucceeded(updated.step(),
                    encode(updated.update().apply(data(state.data()))), now());
        };
    }

    private Optional<Result<D>> result(SagaStep<D> step, boolean startRecorded) throws InterruptedException {
        int attempt = journal.state().step(step.name()).attempts();
        boolean recorded = startRecorded;
        while (true) {
            SagaState state = journal.state();
            if (state.status() != SagaStatus.RUNNING) {
                return Optional.empty();
            }
            String invocationId = invocationId(state, step.name());
            if (!recorded) {
                attempt++;
                if (attempt > step.retry().maxAttempts()) {
                    return outcome(new StepFailed(step.name(), "gave up after " + (attempt - 1)
                            + " attempts, the last of which was interrupted", false, now()));
                }
                journal.append(metadata, new StepStarted(step.name(), attempt, invocationId, now()));
            }
            recorded = false;
            StepContext<D> context = new StepContext<>(state.sagaId(), definition.type(), step.name(), invocationId,
                    attempt, data(state.data()));
            long started = System.nanoTime();
            try {
                StepOutcome<D> outcome = withTimeout(() -> step.action().run(context), step.timeout());
                metrics.step(definition.type(), step.name(), "success", started);
                return switch (outcome) {
                    case StepOutcome.Done<D> done when done.update() != null ->
                            Optional.of(new Result.Updated<>(step.name(), done.update()));
                    case StepOutcome.Done<D> done -> outcome(new StepSucceeded(step.name(), null, now()));
                    case StepOutcome.AwaitReply<D> await -> outcome(new StepAwaitingReply(step.name(),
                            now().plus(await.deadline()), now()));
                };
            } catch (TimeoutException e) {
                metrics.step(definition.type(), step.name(), "timeout", started);
                return outcome(new StepFailed(step.name(), "no result within " + step.timeout(), true, now()));
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                metrics.step(definition.type(), step.name(), "failure", started);
                if (!step.retry().retryable().test(cause) || attempt >= step.retry().maxAttempts()) {
                    return outcome(new StepFailed(step.name(), describe(cause), false, now()));
                }
                Instant retryAt = now().plus(step.retry().pauseAfter(attempt));
                journal.append(metadata, new StepAttemptFailed(step.name(), attempt, describe(cause), retryAt, now()));
                pauseUntil(retryAt);
            }
        }
    }

    /**
     * Runs the step's compensation until it succeeds or its attempts run out.
     *
     * @return the parked compensation when it kept failing
     */
    Optional<ParkedCompensation> compensate(SagaStep<D> step) throws InterruptedException {
        int attempt = journal.state().step(step.name()).compensationAttempts();
        while (true) {
            attempt++;
            SagaState state = journal.state();
            String invocationId = invocationId(state, step.name()) + ":compensate";
            journal.append(metadata, new CompensationStarted(step.name(), attempt, invocationId, now()));
            StepContext<D> context = new StepContext<>(state.sagaId(), definition.type(), step.name(), invocationId,
                    attempt, data(state.data()));
            long started = System.nanoTime();
            Throwable failure;
            try {
                D result = withTimeout(() -> step.compensation().compensate(context), step.timeout());
                journal.append(metadata, new StepCompensated(step.name(), result == null ? null : encode(result),
                        now()));
                metrics.step(definition.type(), step.name() + ":compensate", "success", started);
                return Optional.empty();
            } catch (TimeoutException e) {
                failure = new TimeoutException("compensation gave no result within " + step.timeout());
            } catch (ExecutionException e) {
                failure = e.getCause();
            }
            metrics.step(definition.type(), step.name() + ":compensate", "failure", started);
            if (attempt < step.retry().maxAttempts()) {
                Instant retryAt = now().plus(step.retry().pauseAfter(attempt));
                journal.append(metadata, new CompensationAttemptFailed(step.name(), attempt, describe(failure), retryAt,
                        now()));
                pauseUntil(retryAt);
            } else {
                journal.append(metadata, new CompensationParked(step.name(), attempt, describe(failure), now()));
                return Optional.of(new ParkedCompensation(state.sagaId(), definition.type(), step.name(), invocationId,
                        attempt, describe(failure), stackTrace(failure), now()));
            }
        }
    }

    private static <D> Optional<Result<D>> outcome(SagaEvent event) {
        return Optional.of(new Result.Event<>(event));
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

    private <T> T withTimeout(Callable<T> call, Duration timeout)
            throws TimeoutException, ExecutionException, InterruptedException {
        Future<T> future = executor.submit(call);
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | InterruptedException e) {
            future.cancel(true);
            throw e;
        }
    }

    private void pauseUntil(Instant when) throws InterruptedException {
        long millis = Duration.between(now(), when).toMillis();
        if (millis > 0) {
            TimeUnit.MILLISECONDS.sleep(millis);
        }
    }

    private Instant now() {
        return clock.instant();
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
