package dev.ordo.core.bus.command;

import dev.ordo.core.bus.command.CommandValidationException.Violation;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Validates each command against its Jakarta Bean Validation constraints (such as {@code @NotBlank} on a record
 * component) before it goes on; a command that breaks any is refused with a {@link CommandValidationException}
 * listing every violation, sorted by field, and the handler is not called.
 *
 * <p>Needs {@code jakarta.validation-api} and an implementation (such as Hibernate Validator) on the class path;
 * the kernel declares the API as optional. Thread-safe as long as the validator is (Hibernate Validator's is).
 */
public final class ValidationMiddleware implements CommandMiddleware {

    private static final Comparator<Violation> BY_FIELD = Comparator.comparing(Violation::field)
            .thenComparing(Violation::message);

    private final Validator validator;

    public ValidationMiddleware(Validator validator) {
        this.validator = Objects.requireNonNull(validator, "validator");
    }

    /**
     * {@inheritDoc}
     *
     * @throws CommandValidationException when the command breaks a constraint; it was not handled
     */
    @Override
    public Object invoke(CommandMessage message, Chain next) {
        Set<ConstraintViolation<Object>> violations = validator.validate(message.command());
        if (!violations.isEmpty()) {
            List<Violation> sorted = violations.stream()
                    .map(v -> new Violation(v.getPropertyPath().toString(), v.getMessage()))
                    .sorted(BY_FIELD)
                    .toList();
            throw new CommandValidationException(message.command().getClass(), sorted);
        }
        return next.proceed(message);
    }
}
