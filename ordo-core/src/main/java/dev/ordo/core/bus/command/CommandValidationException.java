package dev.ordo.core.bus.command;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/** A command broke its declared constraints (Jakarta Bean Validation); it was not handled. */
public final class CommandValidationException extends RuntimeException {

    /**
     * One broken constraint.
     *
     * @param field   the property path, such as {@code quantity} or {@code address.city}; empty for a constraint on
     *                the command as a whole
     * @param message what is wrong, as the constraint's (interpolated) message says it
     */
    public record Violation(String field, String message) {

        public Violation {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(message, "message");
        }

        @Override
        public String toString() {
            return field.isEmpty() ? message : field + " " + message;
        }
    }

    private final Class<?> commandType;
    private final List<Violation> violations;

    /**
     * @param violations at least one; kept in the given order
     */
    public CommandValidationException(Class<?> commandType, List<Violation> violations) {
        super(describe(commandType, violations));
        this.commandType = commandType;
        this.violations = List.copyOf(violations);
    }

    /** The class of the refused command. */
    public Class<?> commandType() {
        return commandType;
    }

    /** The broken constraints, sorted by field. */
    public List<Violation> violations() {
        return violations;
    }

    private static String describe(Class<?> commandType, List<Violation> violations) {
        Objects.requireNonNull(commandType, "commandType");
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("a validation failure needs at least one violation");
        }
        return "command " + commandType.getSimpleName() + " is invalid: "
                + violations.stream().map(Violation::toString).collect(Collectors.joining("; "));
    }
}
