package dev.ordo.coordination.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A validated, immutable list of named steps over a context of type {@code C}, run in order by a
 * {@link PipelineCoordinator}. Built once, run any number of times, concurrently too (each run has its own context).
 *
 * <pre>{@code
 * Pipeline<Draft> placement = Pipeline.<Draft>builder("place-order")
 *     .step("validate", draft -> draft.lines().isEmpty() ? Decision.stop("no items") : Decision.proceed(draft))
 *     .step("enrich", draft -> Decision.proceed(draft.withPrices(catalog.prices(draft.lines()))))
 *     .step("persist", draft -> Decision.proceed(draft.withId(orders.save(draft))))
 *     .build();
 * }</pre>
 *
 * @param <C> the context the steps share
 */
public final class Pipeline<C> {

    /** One named step. */
    record Stage<C>(String name, PipelineStep<C> step) {
    }

    private final String operation;
    private final List<Stage<C>> stages;

    private Pipeline(String operation, List<Stage<C>> stages) {
        this.operation = operation;
        this.stages = List.copyOf(stages);
    }

    /**
     * A pipeline for the named operation, as events and metrics report it.
     *
     * @throws IllegalArgumentException when the name is blank
     */
    public static <C> Builder<C> builder(String operation) {
        return new Builder<>(operation);
    }

    /** The operation's name. */
    public String operation() {
        return operation;
    }

    /** The step names, in run order. */
    public List<String> steps() {
        return stages.stream().map(Stage::name).toList();
    }

    List<Stage<C>> stages() {
        return stages;
    }

    /** Declares the steps of a {@link Pipeline}; not thread-safe. */
    public static final class Builder<C> {

        private final String operation;
        private final Map<String, Stage<C>> stages = new LinkedHashMap<>();

        private Builder(String operation) {
            Objects.requireNonNull(operation, "operation");
            if (operation.isBlank()) {
                throw new IllegalArgumentException("an operation name must not be blank");
            }
            this.operation = operation;
        }

        /**
         * Adds a step after the ones added before.
         *
         * @throws IllegalArgumentException when the name is blank or already used
         */
        public Builder<C> step(String name, PipelineStep<C> step) {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(step, "step");
            if (name.isBlank()) {
                throw new IllegalArgumentException("a step name must not be blank");
            }
            if (stages.containsKey(name)) {
                throw new IllegalArgumentException("pipeline '" + operation + "' already has a step named '" + name
                        + "'; step names must be unique");
            }
            stages.put(name, new Stage<>(name, step));
            return this;
        }

        /** @throws IllegalArgumentException when no step was added */
        public Pipeline<C> build() {
            if (stages.isEmpty()) {
                throw new IllegalArgumentException("pipeline '" + operation + "' has no step");
            }
            return new Pipeline<>(operation, new ArrayList<>(stages.values()));
        }
    }
}
