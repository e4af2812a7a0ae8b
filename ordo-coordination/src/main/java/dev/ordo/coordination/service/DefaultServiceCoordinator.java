package dev.ordo.coordination.service;

import dev.ordo.coordination.event.CoordinationEventPublisher;
import dev.ordo.coordination.internal.Listeners;
import dev.ordo.coordination.internal.RunEvents;
import java.util.Objects;

/** The {@link ServiceCoordinator}: one {@link GraphRun} per call. Thread-safe. */
final class DefaultServiceCoordinator implements ServiceCoordinator {

    private final ServiceCoordinatorConfig config;
    private final Listeners listeners = new Listeners();

    DefaultServiceCoordinator(ServiceCoordinatorConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    @Override
    public ServiceCoordinatorConfig config() {
        return config;
    }

    @Override
    public CoordinationEventPublisher eventPublisher() {
        return listeners;
    }

    @Override
    public <I, R> R run(ServiceGraph<I, R> graph, I input) {
        Objects.requireNonNull(graph, "graph");
        RunEvents events = new RunEvents(graph.operation(), config.clock(), listeners);
        return new GraphRun<>(graph, input, config, events).run();
    }
}
