package dev.ordo.saga;

import dev.ordo.core.snapshot.StateCodec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A saga type: its name, how its data is stored, and its steps as an ordered list of groups. A group of one step
 * runs alone; the steps of a larger group run in parallel, and the next group starts when all of them succeeded.
 * Immutable.
 *
 * @param <D> the saga's data type, immutable: the engine may hand one decoded instance to several steps and
 *            attempts, and keeps it as long as the encoded data is unchanged
 */
public final class SagaDefinition<D> {

    private final String type;
    private final StateCodec<D> codec;
    private final List<List<SagaStep<D>>> groups;
    private final String pointOfNoReturn;

    private SagaDefinition(String type, StateCodec<D> codec, List<List<SagaStep<D>>> groups, String pointOfNoReturn) {
        this.type = type;
        this.codec = codec;
        this.groups = groups;
        this.pointOfNoReturn = pointOfNoReturn;
    }

    /**
     * @param type  the saga's stable name, e.g. {@code order-fulfilment}
     * @param codec how the saga's data is written into its events
     */
    public static <D> Builder<D> builder(String type, StateCodec<D> codec) {
        return new Builder<>(type, codec);
    }

    public String type() {
        return type;
    }

    public StateCodec<D> codec() {
        return codec;
    }

    /** The groups in order; each is one step or several run in parallel. */
    public List<List<SagaStep<D>>> groups() {
        return groups;
    }

    /**
     * Whether a cancellation may still be recorded for a saga in this state: always, unless the definition names a
     * point of no return ({@link Builder#cancellableUntil}) and that step has started.
     */
    public boolean cancellable(SagaState state) {
        return pointOfNoReturn == null || state.step(pointOfNoReturn).attempts() == 0;
    }

    /** The step from whose start on the saga can no longer be cancelled, if there is one. */
    public Optional<String> pointOfNoReturn() {
        return Optional.ofNullable(pointOfNoReturn);
    }

    /** The step of that name. */
    public Optional<SagaStep<D>> step(String name) {
        return groups.stream().flatMap(List::stream).filter(s -> s.name().equals(name)).findFirst();
    }

    /** Collects the groups; not thread-safe. */
    public static final class Builder<D> {
        private final String type;
        private final StateCodec<D> codec;
        private final List<List<SagaStep<D>>> groups = new ArrayList<>();
        private String pointOfNoReturn;

        private Builder(String type, StateCodec<D> codec) {
            this.type = Objects.requireNonNull(type, "type");
            this.codec = Objects.requireNonNull(codec, "codec");
            if (!type.matches("[a-z][a-z0-9-]*")) {
                throw new IllegalArgumentException("saga type '" + type + "' must be lower-case words joined by '-'");
            }
        }

        /** Adds a step that runs after the previous group. */
        public Builder<D> step(SagaStep<D> step) {
            groups.add(List.of(step));
            return this;
        }

        /** Adds steps that run in parallel after the previous group. */
        @SafeVarargs
        public final Builder<D> parallel(SagaStep<D>... steps) {
            if (steps.length == 0) {
                throw new IllegalArgumentException("a parallel group needs at least one step");
            }
            groups.add(List.of(steps));
            return this;
        }

        /**
         * Makes a step the point of no return: once it has started, a cancellation is refused (the saga still
         * compensates when a step fails). For effects that cannot be undone by a compensation, such as goods that
         * left the warehouse: without it, a cancellation racing such a step would compensate around an effect that
         * stays.
         */
        public Builder<D> cancellableUntil(String step) {
            this.pointOfNoReturn = Objects.requireNonNull(step, "step");
            return this;
        }

        /**
         * @throws IllegalArgumentException when there are no steps, two steps share a name, or the point of no return
         *                                  is not one of the steps
         */
        public SagaDefinition<D> build() {
            if (groups.isEmpty()) {
                throw new IllegalArgumentException("saga " + type + " has no steps");
            }
            Set<String> names = new HashSet<>();
            groups.stream().flatMap(List::stream).forEach(step -> {
                if (!names.add(step.name())) {
                    throw new IllegalArgumentException("saga " + type + " has two steps named " + step.name());
                }
            });
            if (pointOfNoReturn != null && !names.contains(pointOfNoReturn)) {
                throw new IllegalArgumentException("saga " + type + " has no step " + pointOfNoReturn
                        + " to be its point of no return");
            }
            return new SagaDefinition<>(type, codec, List.copyOf(groups), pointOfNoReturn);
        }
    }
}
