package dev.ordo.saga;

import dev.ordo.core.event.EventMetadata;
import dev.ordo.core.event.EventSerializer;
import dev.ordo.core.event.EventTypeRegistry;
import dev.ordo.core.event.RecordedEvent;
import dev.ordo.core.event.RememberingEventSerializer;
import dev.ordo.core.store.EventStore;
import dev.ordo.core.store.WrongExpectedVersionException;
import dev.ordo.jackson.JacksonEventSerializer;
import dev.ordo.saga.SagaEvent.CancelRequested;
import dev.ordo.saga.SagaEvent.CompensationRedriven;
import dev.ordo.saga.SagaEvent.SagaCompensated;
import dev.ordo.saga.SagaEvent.SagaCompleted;
import dev.ordo.saga.SagaEvent.SagaStarted;
import dev.ordo.saga.SagaEvent.StepFailed;
import dev.ordo.saga.SagaEvent.StepStarted;
import dev.ordo.saga.SagaEvent.StepSucceeded;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs sagas: starts them, drives them step by step (parallel groups on virtual threads), waits durably for replies,
 * compensates completed steps in reverse order when a step fails, times out or the saga is cancelled, and parks a
 * compensation that keeps failing (raising an alert) until an operator redrives it.
 *
 * <p>Every transition is appended to the saga's stream before the engine goes on, so after a crash
 * {@link #resumeUnfinished()} continues each saga where it stopped; a step that may have run is run again with the
 * same invocation id, which participants use to do the work only once. A timer thread wakes sagas whose reply
 * deadline passed, across restarts (deadlines live in the {@link SagaIndex}). One drive per saga at a time in this
 * process; across processes the stream's expected version arbitrates. Thread-safe.
 */
public final class SagaEngine implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SagaEngine.class);
    /** How many decoded saga events to keep: a saga's journal is read again on every drive. */
    private static final int REMEMBERED_EVENTS = 4_096;

    private final EventStore store;
    private final SagaIndex index;
    private final Clock clock;
    private final SagaMetrics metrics;
    private final Map<String, SagaDefinition<?>> definitions;
    private final List<Consumer<ParkedCompensation>> parkingListeners;
    private final List<Consumer<SagaSummary>> finishListeners;
    private final EventSerializer serializer;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final SagaLocks locks = new SagaLocks();
    private final ReentrantLock progress = new ReentrantLock();
    private final Condition progressed = progress.newCondition();
    private final Map<UUID, Boolean> scheduled = new ConcurrentHashMap<>();
    private final Thread timer;
    private volatile boolean running = true;

    private SagaEngine(Builder builder) {
        this.store = builder.store;
        this.index = builder.index;
        this.clock = builder.clock;
        this.metrics = new SagaMetrics(builder.meters);
        this.definitions = Map.copyOf(builder.definitions);
        this.parkingListeners = List.copyOf(builder.parkingListeners);
        this.finishListeners = List.copyOf(builder.finishListeners);
        this.serializer = new RememberingEventSerializer(
                JacksonEventSerializer.of(EventTypeRegistry.builder().registerSealed(SagaEvent.class).build()),
                REMEMBERED_EVENTS);
        Duration poll = builder.pollInterval;
        this.timer = Thread.ofVirtual().name("ordo-saga-timer").start(() -> wakeDueSagas(poll));
    }

    public static Builder builder(EventStore store, SagaIndex index) {
        return new Builder(store, index);
    }

    /**
     * Starts a saga and drives it in the background. Starting a saga id that already exists changes nothing, so a
     * retried start is safe.
     *
     * @return true when this call started it
     * @throws IllegalArgumentException when the definition was not registered with the engine
     */
    public <D> boolean start(SagaDefinition<D> definition, UUID sagaId, D data, EventMetadata metadata) {
        requireRegistered(definition);
        SagaLocks.Held lock = locks.lock(sagaId);
        try {
            SagaJournal journal = SagaJournal.open(store, serializer, sagaId);
            if (journal.state().exists()) {
                return false;
            }
            index.save(new SagaSummary(sagaId, definition.type(), SagaStatus.RUNNING, null, null, clock.instant()));
            journal.append(metadata, new SagaStarted(definition.type(), definition.codec().encode(data), clock.instant()));
            metrics.saga(definition.type(), "started");
        } catch (WrongExpectedVersionException raced) {
            return false;
        } finally {
            lock.close();
        }
        schedule(sagaId);
        return true;
    }

    /**
     * Records the reply of a step waiting for one and goes on with the saga. A reply for a step that is not waiting
     * (a duplicate, or one after the deadline) is ignored; a late success while compensating is recorded, so that the
     * step is compensated too.
     *
     * @return true when the reply was recorded
     */
    public <D> boolean reply(SagaDefinition<D> definition, UUID sagaId, String step, UnaryOperator<D> update) {
        return record(sagaId, step, journal -> new StepSucceeded(step, update == null ? null
                : definition.codec().encode(update.apply(definition.codec().decode(journal.state().data()))),
                clock.instant()));
    }

    /** Records that a step waiting for a reply failed; the saga compensates. Ignored when the step is not waiting. */
    public boolean replyFailure(UUID sagaId, String step, String error) {
        return record(sagaId, step, journal -> new StepFailed(step, error, false, clock.instant()));
    }

    private boolean record(UUID sagaId, String step, java.util.function.Function<SagaJournal, SagaEvent> event) {
        SagaLocks.Held lock = locks.lock(sagaId);
        try {
            SagaJournal journal = SagaJournal.open(store, serializer, sagaId);
            SagaState state = journal.state();
            if (!state.exists() || state.step(step).state() != SagaState.StepState.AWAITING_REPLY
                    || state.status().isFinished()) {
                log.debug("ignoring reply for step {} of saga {}: it is not waiting for one", step, sagaId);
                return false;
            }
            journal.append(EventMetadata.empty(), event.apply(journal));
        } finally {
            lock.close();
        }
        schedule(sagaId);
        return true;
    }

    /**
     * Cancels a saga: it stops starting steps and compensates what was done. Does nothing for a finished saga.
     *
     * @return true when the cancellation was recorded
     */
    public boolean cancel(UUID sagaId, String reason, EventMetadata metadata) {
        Objects.requireNonNull(reason, "reason");
        SagaState state = SagaJournal.open(store, serializer, sagaId).state();
        if (!state.exists() || state.status() != SagaStatus.RUNNING) {
            return false;
        }
        store.append(SagaJournal.stream(sagaId), dev.ordo.core.store.ExpectedVersion.any(),
                List.of(serializer.serialize(new CancelRequested(reason, clock.instant()), metadata)));
        schedule(sagaId);
        return true;
    }

    /**
     * Tries a parked compensation again (an operator's action, after the cause was fixed).
     *
     * @return true when the saga was parked and is now compensating again
     */
    public boolean redrive(UUID sagaId, String actor) {
        SagaLocks.Held lock = locks.lock(sagaId);
        try {
            SagaJournal journal = SagaJournal.open(store, serializer, sagaId);
            SagaState state = journal.state();
            if (state.status() != SagaStatus.PARKED) {
                return false;
            }
            String parked = state.steps().values().stream()
                    .filter(s -> s.state() == SagaState.StepState.COMPENSATION_PARKED).map(SagaState.Step::name)
                    .findFirst().orElseThrow();
            journal.append(EventMetadata.empty().withActor(actor), new CompensationRedriven(parked, actor,
                    clock.instant()));
        } finally {
            lock.close();
        }
        schedule(sagaId);
        return true;
    }

    /** The saga's current state (folded from its stream). */
    public SagaState state(UUID sagaId) {
        return SagaJournal.open(store, serializer, sagaId).state();
    }

    /** The saga's history: every event of its stream, oldest first. */
    public List<RecordedEvent> history(UUID sagaId) {
        List<RecordedEvent> events = new ArrayList<>();
        long next = 1;
        while (true) {
            List<RecordedEvent> page = store.readStreamForwards(SagaJournal.stream(sagaId), next, 1_000);
            events.addAll(page);
            if (page.size() < 1_000) {
                return events;
            }
            next = page.getLast().streamVersion() + 1;
        }
    }

    /** The index of sagas, for lists by status. */
    public SagaIndex index() {
        return index;
    }

    /** Drives every saga that was running or compensating, in the background; call once after a start. */
    public int resumeUnfinished() {
        List<UUID> unfinished = index.unfinished(100_000);
        unfinished.forEach(this::schedule);
        if (!unfinished.isEmpty()) {
            log.info("resuming {} unfinished sagas", unfinished.size());
        }
        return unfinished.size();
    }

    /**
     * Waits until the saga reaches one of the given statuses.
     *
     * @return the state when it did, or the last state seen at the timeout
     */
    public SagaState await(UUID sagaId, Duration timeout, SagaStatus... statuses) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<SagaStatus> wanted = List.of(statuses);
        while (true) {
            SagaState state = state(sagaId);
            long left = deadline - System.nanoTime();
            if (wanted.contains(state.status()) || left <= 0) {
                return state;
            }
            progress.lock();
            try {
                progressed.await(Math.min(left, TimeUnit.MILLISECONDS.toNanos(200)), TimeUnit.NANOSECONDS);
            } finally {
                progress.unlock();
            }
        }
    }

    /** Runs the saga until it waits, finishes or is parked; normally called from the background scheduler. */
    public void drive(UUID sagaId) {
        SagaLocks.Held lock = locks.lock(sagaId);
        try {
            SagaJournal journal = SagaJournal.open(store, serializer, sagaId);
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
            driveWith(definition, journal);
        } catch (WrongExpectedVersionException conflict) {
            log.debug("saga {} was changed elsewhere while driving it; looking again", sagaId);
            if (running) {
                schedule(sagaId);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.error("driving saga {} failed; it will be resumed on the next start or wake-up", sagaId, e);
        } finally {
            lock.close();
            signalProgress();
        }
    }

    private <D> void driveWith(SagaDefinition<D> definition, SagaJournal journal) throws InterruptedException {
        EventMetadata metadata = EventMetadata.empty().withCorrelationId(journal.state().sagaId().toString());
        StepRunner<D> runner = new StepRunner<>(definition, journal, executor, clock, metadata, metrics);
        String startRecorded = null;
        while (running) {
            SagaPlanner.Next<D> next = SagaPlanner.next(definition, journal.state(), clock.instant());
            switch (next) {
                case SagaPlanner.Next.Run<D> run when run.steps().size() == 1 -> {
                    SagaStep<D> step = run.steps().getFirst();
                    Optional<SagaEvent> outcome = runner.attempt(step, step.name().equals(startRecorded));
                    startRecorded = outcome.isEmpty() ? null : recordWithWhatFollows(definition, journal, metadata,
                            outcome.get());
                }
                case SagaPlanner.Next.Run<D> run -> runAll(runner, run.steps());
                case SagaPlanner.Next.TimeOut<D> timeOut -> journal.append(metadata, new StepFailed(timeOut.step(),
                        "no reply before the deadline " + timeOut.deadline(), true, clock.instant()));
                case SagaPlanner.Next.Compensate<D> compensate -> runner.compensate(compensate.step()).ifPresent(this::alert);
                case SagaPlanner.Next.Complete<D> complete -> {
                    journal.append(metadata, new SagaCompleted(clock.instant()));
                    metrics.saga(definition.type(), "completed");
                }
                case SagaPlanner.Next.FinishCompensation<D> finish -> {
                    journal.append(metadata, new SagaCompensated(journal.state().failure(), clock.instant()));
                    metrics.saga(definition.type(), "compensated");
                }
                case SagaPlanner.Next.Wait<D> wait -> {
                    SagaState state = journal.state();
                    SagaSummary summary = new SagaSummary(state.sagaId(), state.type(), state.status(), wait.until(),
                            state.failure(), clock.instant());
                    index.save(summary);
                    if (state.status().isFinished()) {
                        finished(summary);
                    }
                    return;
                }
            }
        }
    }

    /**
     * Records a step's outcome in one append with what it leads to, when that is certain: the start of the next
     * (single) step, or the saga's completion. Halves the commits of a sequential saga; a crash after the append
     * simply finds the next step started, which is run again with the same invocation id.
     *
     * @return the step whose first attempt's start was recorded, or {@code null}
     */
    private <D> String recordWithWhatFollows(SagaDefinition<D> definition, SagaJournal journal, EventMetadata metadata,
                                             SagaEvent outcome) {
        SagaState state = journal.state();
        SagaState after = state.evolve(outcome, state.version() + 1);
        SagaPlanner.Next<D> following = SagaPlanner.next(definition, after, clock.instant());
        if (following instanceof SagaPlanner.Next.Run<D> run && run.steps().size() == 1
                && after.step(run.steps().getFirst().name()).attempts() == 0) {
            String step = run.steps().getFirst().name();
            journal.append(metadata, outcome, new StepStarted(step, 1, StepRunner.invocationId(after, step),
                    clock.instant()));
            return step;
        }
        if (following instanceof SagaPlanner.Next.Complete<D>) {
            journal.append(metadata, outcome, new SagaCompleted(clock.instant()));
            metrics.saga(definition.type(), "completed");
            return null;
        }
        journal.append(metadata, outcome);
        return null;
    }

    private <D> void runAll(StepRunner<D> runner, List<SagaStep<D>> steps) throws InterruptedException {
        if (steps.size() == 1) {
            runner.run(steps.getFirst());
            return;
        }
        List<Future<?>> running = new ArrayList<>();
        for (SagaStep<D> step : steps) {
            running.add(executor.submit(() -> {
                runner.run(step);
                return null;
            }));
        }
        RuntimeException first = null;
        for (Future<?> future : running) {
            try {
                future.get();
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException runtime && first == null) {
                    first = runtime;
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    private void alert(ParkedCompensation parked) {
        metrics.saga(parked.sagaType(), "parked");
        log.error("ALERT: compensation of step {} of saga {} ({}) failed {} times and is parked; redrive it once the "
                + "cause is fixed. Last error: {}", parked.step(), parked.sagaId(), parked.sagaType(), parked.attempts(),
                parked.error());
        for (Consumer<ParkedCompensation> listener : parkingListeners) {
            try {
                listener.accept(parked);
            } catch (RuntimeException e) {
                log.error("a parking listener failed for saga {}", parked.sagaId(), e);
            }
        }
    }

    private void finished(SagaSummary summary) {
        for (Consumer<SagaSummary> listener : finishListeners) {
            try {
                listener.accept(summary);
            } catch (RuntimeException e) {
                log.warn("a finish listener failed for saga {}", summary.sagaId(), e);
            }
        }
    }

    private void schedule(UUID sagaId) {
        if (!running || scheduled.putIfAbsent(sagaId, Boolean.TRUE) != null) {
            return;
        }
        executor.submit(() -> {
            scheduled.remove(sagaId);
            drive(sagaId);
        });
    }

    private void wakeDueSagas(Duration poll) {
        while (running) {
            try {
                index.due(clock.instant(), 1_000).forEach(this::schedule);
                TimeUnit.MILLISECONDS.sleep(poll.toMillis());
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                log.warn("looking for sagas whose deadline passed failed; trying again", e);
            }
        }
    }

    private void signalProgress() {
        progress.lock();
        try {
            progressed.signalAll();
        } finally {
            progress.unlock();
        }
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
     * Stops the timer and waits up to {@code grace} for running drives, then interrupts them. A step interrupted
     * this way was recorded as started: the next engine runs it again with the same invocation id.
     */
    public void shutdown(Duration grace) {
        running = false;
        timer.interrupt();
        executor.shutdown();
        try {
            if (!executor.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                executor.shutdownNow();
                executor.awaitTermination(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Configures a {@link SagaEngine}; not thread-safe. */
    public static final class Builder {
        private final EventStore store;
        private final SagaIndex index;
        private Clock clock = Clock.systemUTC();
        private MeterRegistry meters;
        private Duration pollInterval = Duration.ofMillis(500);
        private final Map<String, SagaDefinition<?>> definitions = new java.util.LinkedHashMap<>();
        private final List<Consumer<ParkedCompensation>> parkingListeners = new ArrayList<>();
        private final List<Consumer<SagaSummary>> finishListeners = new ArrayList<>();

        private Builder(EventStore store, SagaIndex index) {
            this.store = Objects.requireNonNull(store, "store");
            this.index = Objects.requireNonNull(index, "index");
        }

        /** Registers a saga type; its name must be unique. */
        public Builder register(SagaDefinition<?> definition) {
            if (definitions.putIfAbsent(definition.type(), definition) != null) {
                throw new IllegalArgumentException("saga type " + definition.type() + " is registered twice");
            }
            return this;
        }

        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        public Builder meterRegistry(MeterRegistry value) {
            this.meters = value;
            return this;
        }

        /** How often the timer looks for sagas whose deadline passed. */
        public Builder pollInterval(Duration value) {
            this.pollInterval = Objects.requireNonNull(value, "pollInterval");
            return this;
        }

        /** Called when a compensation is parked, for example to record a dead letter. */
        public Builder onParked(Consumer<ParkedCompensation> listener) {
            parkingListeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /**
         * Called, on the driving thread, when a saga completes or is compensated (possibly again for a saga that
         * was already finished, when it is driven once more). Must be quick.
         */
        public Builder onFinished(Consumer<SagaSummary> listener) {
            finishListeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        public SagaEngine build() {
            return new SagaEngine(this);
        }
    }
}
