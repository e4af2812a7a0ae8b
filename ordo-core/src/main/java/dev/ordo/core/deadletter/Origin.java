package dev.ordo.core.deadletter;

import java.util.Objects;

/**
 * Where a dead letter comes from: the kind of component that failed to handle a message and its name. A letter is
 * identified by its origin and its message's id, so two origins never share a letter.
 *
 * @param kind what kind of component failed, for example {@value #SUBSCRIPTION}, {@value #SAGA_STEP} or
 *             {@value #CONSUMER}; 1 to {@value #MAX_LENGTH} characters, not blank
 * @param name which one, for example the subscription's name; 1 to {@value #MAX_LENGTH} characters, not blank
 * @throws IllegalArgumentException when a part is blank or too long
 */
public record Origin(String kind, String name) {

    /** The longest kind or name accepted. */
    public static final int MAX_LENGTH = 200;
    /** The kind of the letters of a subscription. */
    public static final String SUBSCRIPTION = "subscription";
    /** The kind of the letters of a saga step or compensation. */
    public static final String SAGA_STEP = "saga-step";
    /** The kind of the letters of a message consumer (a broker topic, an inbox). */
    public static final String CONSUMER = "consumer";

    public Origin {
        check("kind", kind);
        check("name", name);
    }

    /** The origin of any kind of component. */
    public static Origin of(String kind, String name) {
        return new Origin(kind, name);
    }

    /** The origin of the letters of the subscription with that name. */
    public static Origin subscription(String name) {
        return new Origin(SUBSCRIPTION, name);
    }

    /** The origin of the letters of a saga step. */
    public static Origin sagaStep(String name) {
        return new Origin(SAGA_STEP, name);
    }

    /** The origin of the letters of a message consumer. */
    public static Origin consumer(String name) {
        return new Origin(CONSUMER, name);
    }

    private static void check(String part, String value) {
        Objects.requireNonNull(value, part);
        if (value.isBlank() || value.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("an origin's " + part + " must be 1 to " + MAX_LENGTH
                    + " characters and not blank, was '" + value + "'");
        }
    }

    /** {@code kind:name}, as used in logs, metrics tags and action actors. */
    @Override
    public String toString() {
        return kind + ":" + name;
    }
}
