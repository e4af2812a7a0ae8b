package dev.ordo.coordination.service;

import java.util.Objects;

/**
 * The name of a step in a {@link ServiceGraph} and the type of its result, so that {@link Results#get(StepKey)}
 * needs no cast. Two keys with the same name are equal: a graph holds one step per name. Immutable.
 *
 * <pre>{@code
 * static final StepKey<Customer> CUSTOMER = StepKey.of("customer");
 * }</pre>
 *
 * @param name the step's name, as events, metrics and errors report it
 * @param <T>  the type of the step's result
 */
public record StepKey<T>(String name) {

    /** @throws IllegalArgumentException when the name is blank */
    public StepKey {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a step name must not be blank");
        }
    }

    /** A key for the step of that name; the result type is inferred from the assignment. */
    public static <T> StepKey<T> of(String name) {
        return new StepKey<>(name);
    }

    @Override
    public String toString() {
        return name;
    }
}
