package dev.ordo.coordination.service;

import dev.ordo.coordination.internal.LoggingContext;
import dev.ordo.coordination.internal.RunEvents;
import dev.ordo.coordination.service.ServiceCoordinatorConfig.RunningSteps;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of a graph. The calling thread schedules: it starts the steps whose dependencies completed, one virtual
 * thread each, and reads their reports from a queue; step threads only run their function, record the outcome and
 * report. The run's state shared with step threads (who runs, what completed, whether the run is stopping) is
 * guarded by one lock, so a step either starts before the run stops (and is interrupted or awaited) or sees that it
 * stops and does not start.
 */
final class GraphRun<I, R> {

    private static final Logger log = LoggerFactory.getLogger(ServiceCoordinator.class);

    /** What a step thread tells the scheduler when it ends. */
    private sealed interface Report permits Done, Failed, Skipped {
    }

    private record Done(String step) implements Report {
    }

    private record Failed(String step, Throwable error) implements Report {
    }

    /** The run was stopping when the step's thread began, so the step's function was not called. */
    private record Skipped(String step) implements Report {
    }

    private final ServiceGraph<I, R> graph;
    private final I input;
    private final ServiceCoordinatorConfig config;
    private final RunEvents events;
    private final LoggingContext loggingContext = LoggingContext.capture();
    private final BlockingQueue<Report> reports = new LinkedBlockingQueue<>();

    private final ReentrantLock lock = new ReentrantLock();
    private final Map<String, Thread> running = new HashMap<>();
    private final Map<String, Object> completed = new LinkedHashMap<>();
    private boolean stopping;

    private Throwable failure;
    private String failedStep;
    private boolean interrupted;
    private final List<Throwable> laterFailures = new ArrayList<>();

    GraphRun(ServiceGraph<I, R> graph, I input, ServiceCoordinatorConfig config, RunEvents events) {
        this.graph = graph;
        this.input = input;
        this.config = config;
        this.events = events;
    }

    R run() {
        long start = System.nanoTime();
        log.debug("operation '{}' run {} starts steps {}", graph.operation(), events.runId(), graph.steps());
        events.started();
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            schedule(executor);
        }
        R result = null;
        if (failure == null) {
            try {
                result = graph.aggregator().aggregate(input,
                        readableResults("the aggregator of '" + graph.operation() + "'"));
            } catch (Throwable error) {
                interrupted |= error instanceof InterruptedException;
                failure = error;
            }
        }
        if (failure != null) {
            throw fail(start);
        }
        Duration took = RunEvents.since(start);
        events.completed(took);
        log.debug("operation '{}' run {} completed in {}", graph.operation(), events.runId(), took);
        return result;
    }

    /** Starts steps as their dependencies complete until every started step has reported. */
    private void schedule(ExecutorService executor) {
        Map<String, Integer> waitingFor = new HashMap<>();
        int outstanding = 0;
        for (String step : graph.steps()) {
            int dependencies = graph.dependenciesOf(step).size();
            waitingFor.put(step, dependencies);
            if (dependencies == 0) {
                start(executor, step);
                outstanding++;
            }
        }
        while (outstanding > 0) {
            Report report;
            try {
                report = reports.take();
            } catch (InterruptedException e) {
                interrupted = true;
                if (failure == null) {
                    failure = e;
                }
                stop(true);
                continue;
            }
            outstanding--;
            switch (report) {
                case Done done -> {
                    if (failure == null) {
                        for (String dependent : graph.dependentsOf(done.step())) {
                            if (waitingFor.merge(dependent, -1, Integer::sum) == 0) {
                                start(executor, dependent);
                                outstanding++;
                            }
                        }
                    }
                }
                case Failed failed -> {
                    if (failure == null) {
                        failure = failed.error();
                        failedStep = failed.step();
                        stop(config.runningStepsOnFailure() == RunningSteps.INTERRUPT);
                    } else {
                        laterFailures.add(failed.error());
                    }
                }
                case Skipped skipped -> log.debug("operation '{}' run {} did not start step '{}': the run stopped",
                        graph.operation(), events.runId(), skipped.step());
            }
        }
    }

    private void start(ExecutorService executor, String step) {
        ServiceGraph.Node<I> node = graph.node(step);
        Results dependencies;
        lock.lock();
        try {
            dependencies = StepResults.of("step '" + step + "'", Set.copyOf(node.dependsOn()), completed);
        } finally {
            lock.unlock();
        }
        executor.submit(loggingContext.wrap(() -> {
            execute(node, dependencies);
            return null;
        }));
    }

    /** Runs on the step's thread; always reports, whatever happens. */
    private void execute(ServiceGraph.Node<I> node, Results dependencies) {
        String step = node.name();
        Thread current = Thread.currentThread();
        lock.lock();
        try {
            if (stopping) {
                reports.add(new Skipped(step));
                return;
            }
            running.put(step, current);
        } finally {
            lock.unlock();
        }
        current.setName("ordo-step " + graph.operation() + "/" + step);
        Object value = null;
        Throwable error = null;
        long start = System.nanoTime();
        try {
            events.stepStarted(step);
            start = System.nanoTime();
            value = node.function().call(input, dependencies);
        } catch (Throwable t) {
            error = t;
        }
        Duration took = RunEvents.since(start);
        lock.lock();
        try {
            running.remove(step);
            if (error == null) {
                completed.put(step, value);
            }
        } finally {
            lock.unlock();
        }
        // an interrupt aimed at this step may have arrived after its function returned
        Thread.interrupted();
        try {
            if (error == null) {
                events.stepCompleted(step, took);
            } else {
                log.debug("operation '{}' run {}: step '{}' failed after {}", graph.operation(), events.runId(), step,
                        took, error);
                events.stepFailed(step, took, error);
            }
        } finally {
            reports.add(error == null ? new Done(step) : new Failed(step, error));
        }
    }

    /** No step starts from now on; running ones are interrupted when asked. */
    private void stop(boolean interruptRunning) {
        lock.lock();
        try {
            stopping = true;
            if (interruptRunning) {
                running.values().forEach(Thread::interrupt);
            }
        } finally {
            lock.unlock();
        }
    }

    /** Compensates, publishes the failure and builds the exception to throw. Runs once every step ended. */
    private CoordinationException fail(long start) {
        LinkedHashMap<String, Object> done = completedSnapshot();
        List<String> compensated = new ArrayList<>();
        Map<String, Throwable> failedCompensations = new LinkedHashMap<>();
        if (config.compensate()) {
            for (String step : done.sequencedKeySet().reversed()) {
                ServiceGraph.Node<I> node = graph.node(step);
                if (node.compensation() != null) {
                    compensate(node, done.get(step), compensated, failedCompensations);
                }
            }
        }
        Optional<String> step = Optional.ofNullable(failedStep);
        CoordinationException exception = new CoordinationException(graph.operation(), events.runId(), step,
                readableResults("the partial results of '" + graph.operation() + "'"), compensated,
                failedCompensations, failure);
        laterFailures.forEach(exception::addSuppressed);
        Duration took = RunEvents.since(start);
        events.failed(step, took, failure);
        log.debug("operation '{}' run {} failed after {}: {}", graph.operation(), events.runId(), took,
                exception.getMessage());
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return exception;
    }

    private void compensate(ServiceGraph.Node<I> node, Object result, List<String> compensated,
                            Map<String, Throwable> failedCompensations) {
        String step = node.name();
        events.compensating(step);
        long start = System.nanoTime();
        try {
            node.compensation().compensate(input, result);
            events.compensated(step, RunEvents.since(start));
            compensated.add(step);
        } catch (Throwable error) {
            interrupted |= error instanceof InterruptedException;
            log.warn("operation '{}' run {}: the compensation of step '{}' failed; what the step did is not undone",
                    graph.operation(), events.runId(), step, error);
            events.compensationFailed(step, RunEvents.since(start), error);
            failedCompensations.put(step, error);
        }
    }

    private Results readableResults(String reader) {
        return StepResults.of(reader, Set.copyOf(graph.steps()), completedSnapshot());
    }

    private LinkedHashMap<String, Object> completedSnapshot() {
        lock.lock();
        try {
            return new LinkedHashMap<>(completed);
        } finally {
            lock.unlock();
        }
    }
}
