package dev.ordo.coordination.service;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A validated, immutable graph of named steps: each step is a function of the run's input and of the results of
 * the steps it depends on; an aggregator turns all results into the run's result. Built once, run any number of
 * times, concurrently too, by a {@link ServiceCoordinator}.
 *
 * <pre>{@code
 * ServiceGraph<OrderId, Summary> summary = ServiceGraph.<OrderId, Summary>builder("order-summary")
 *     .step(ORDER, (id, r) -> orders.find(id))
 *     .step(CUSTOMER, List.of(ORDER), (id, r) -> customers.find(r.get(ORDER).customerId()))
 *     .step(STOCK, List.of(ORDER), (id, r) -> inventory.reserve(r.get(ORDER).lines()),
 *           (id, reservation) -> inventory.release(reservation))
 *     .aggregate((id, r) -> new Summary(r.get(ORDER), r.get(CUSTOMER), r.get(STOCK)))
 *     .build();
 * }</pre>
 *
 * @param <I> the run's input
 * @param <R> the run's result
 */
public final class ServiceGraph<I, R> {

    /** One step: its name, the names it depends on, its function and its optional compensation. */
    record Node<I>(String name, List<String> dependsOn, StepFunction<I, ?> function,
                   Compensation<I, Object> compensation) {
    }

    private final String operation;
    private final Map<String, Node<I>> nodes;
    private final Map<String, List<String>> dependents;
    private final List<String> order;
    private final Aggregator<I, R> aggregator;

    private ServiceGraph(Builder<I, R> builder, Topology topology) {
        this.operation = builder.operation;
        this.nodes = Map.copyOf(builder.nodes);
        this.dependents = topology.dependents();
        this.order = topology.order();
        this.aggregator = builder.aggregator;
    }

    /**
     * A graph for the named operation, as events and metrics report it.
     *
     * @throws IllegalArgumentException when the name is blank
     */
    public static <I, R> Builder<I, R> builder(String operation) {
        return new Builder<>(operation);
    }

    /** The operation's name. */
    public String operation() {
        return operation;
    }

    /** The step names in a dependency order: every step after the steps it depends on, ties in declaration order. */
    public List<String> steps() {
        return order;
    }

    /**
     * The names of the steps the named step depends on, in declaration order.
     *
     * @throws IllegalArgumentException when the graph has no step of that name
     */
    public List<String> dependenciesOf(String step) {
        return node(step).dependsOn();
    }

    Node<I> node(String step) {
        Node<I> node = nodes.get(step);
        if (node == null) {
            throw new IllegalArgumentException("operation '" + operation + "' has no step '" + step + "'");
        }
        return node;
    }

    List<String> dependentsOf(String step) {
        return dependents.getOrDefault(step, List.of());
    }

    Aggregator<I, R> aggregator() {
        return aggregator;
    }

    /** Declares the steps of a {@link ServiceGraph}; not thread-safe. */
    public static final class Builder<I, R> {

        private final String operation;
        private final Map<String, Node<I>> nodes = new LinkedHashMap<>();
        private Aggregator<I, R> aggregator;

        private Builder(String operation) {
            Objects.requireNonNull(operation, "operation");
            if (operation.isBlank()) {
                throw new IllegalArgumentException("an operation name must not be blank");
            }
            this.operation = operation;
        }

        /** Adds a step that depends on no other step. */
        public <T> Builder<I, R> step(StepKey<T> key, StepFunction<I, T> function) {
            return step(key, List.of(), function, null);
        }

        /** Adds a step that runs once every step in {@code dependsOn} completed. */
        public <T> Builder<I, R> step(StepKey<T> key, Collection<? extends StepKey<?>> dependsOn,
                                      StepFunction<I, T> function) {
            return step(key, dependsOn, function, null);
        }

        /**
         * Adds a step with a compensation, run if the step completed and the run fails afterwards.
         *
         * @param compensation {@code null} for none
         * @throws IllegalArgumentException when a step of that name was already added, or it is listed twice
         */
        @SuppressWarnings("unchecked")
        public <T> Builder<I, R> step(StepKey<T> key, Collection<? extends StepKey<?>> dependsOn,
                                      StepFunction<I, T> function, Compensation<I, ? super T> compensation) {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(dependsOn, "dependsOn");
            Objects.requireNonNull(function, "function");
            if (nodes.containsKey(key.name())) {
                throw new IllegalArgumentException("operation '" + operation + "' already has a step named '"
                        + key.name() + "'; step names must be unique");
            }
            List<String> names = new ArrayList<>();
            for (StepKey<?> dependency : dependsOn) {
                String name = Objects.requireNonNull(dependency, "dependency").name();
                if (names.contains(name)) {
                    throw new IllegalArgumentException("step '" + key.name() + "' lists its dependency '" + name
                            + "' twice");
                }
                names.add(name);
            }
            nodes.put(key.name(), new Node<>(key.name(), List.copyOf(names), function,
                    (Compensation<I, Object>) compensation));
            return this;
        }

        /** Sets the function that builds the run's result from every step's result. Required. */
        public Builder<I, R> aggregate(Aggregator<I, R> aggregator) {
            this.aggregator = Objects.requireNonNull(aggregator, "aggregator");
            return this;
        }

        /**
         * Validates the graph and builds it.
         *
         * @throws IllegalArgumentException when there is no step, a step depends on a step the graph does not have,
         *                                  or steps depend on each other in a cycle; the message names the steps
         * @throws IllegalStateException    when no aggregator was set
         */
        public ServiceGraph<I, R> build() {
            if (nodes.isEmpty()) {
                throw new IllegalArgumentException("operation '" + operation + "' has no step");
            }
            if (aggregator == null) {
                throw new IllegalStateException("operation '" + operation + "' has no aggregator: call aggregate(...)");
            }
            Map<String, List<String>> dependencies = new LinkedHashMap<>();
            nodes.forEach((name, node) -> dependencies.put(name, node.dependsOn()));
            return new ServiceGraph<>(this, Topology.of(operation, dependencies));
        }
    }
}
