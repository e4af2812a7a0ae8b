package dev.ordo.core.bus.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ordo.core.bus.command.CommandValidationException.Violation;
import dev.ordo.core.event.EventMetadata;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.hibernate.validator.HibernateValidator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class ValidationMiddlewareUnitTests {

    record PlaceOrder(@NotBlank String customer, @Positive int quantity, @NotBlank String sku) {
    }

    private static final ValidatorFactory FACTORY = Validation.byProvider(HibernateValidator.class)
            .configure().defaultLocale(Locale.ENGLISH).buildValidatorFactory();

    private final AtomicInteger handled = new AtomicInteger();
    private final CommandBus bus = SimpleCommandBus.builder()
            .register(PlaceOrder.class, (command, metadata) -> handled.incrementAndGet())
            .middleware(new ValidationMiddleware(FACTORY.getValidator()))
            .build();

    @AfterAll
    static void close() {
        FACTORY.close();
    }

    @Test
    void passesAValidCommandToItsHandler() {
        bus.dispatch(new PlaceOrder("alice", 2, "sku-1"), EventMetadata.empty());

        assertThat(handled).hasValue(1);
    }

    @Test
    void refusesAnInvalidCommandWithEveryViolationSortedByFieldAndDoesNotHandleIt() {
        assertThatThrownBy(() -> bus.dispatch(new PlaceOrder(" ", 0, null), EventMetadata.empty()))
                .isInstanceOfSatisfying(CommandValidationException.class, e -> {
                    assertThat(e.commandType()).isEqualTo(PlaceOrder.class);
                    assertThat(e.violations()).containsExactly(
                            new Violation("customer", "must not be blank"),
                            new Violation("quantity", "must be greater than 0"),
                            new Violation("sku", "must not be blank"));
                })
                .hasMessage("command PlaceOrder is invalid: customer must not be blank; "
                        + "quantity must be greater than 0; sku must not be blank");
        assertThat(handled).hasValue(0);
    }

    @Test
    void needsAtLeastOneViolationToDescribe() {
        assertThatThrownBy(() -> new CommandValidationException(PlaceOrder.class, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
