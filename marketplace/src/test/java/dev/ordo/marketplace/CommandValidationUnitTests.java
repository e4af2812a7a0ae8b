package dev.ordo.marketplace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ordo.marketplace.catalog.ChangeAvailability;
import dev.ordo.marketplace.catalog.ChangePrice;
import dev.ordo.marketplace.catalog.DemoCatalog;
import dev.ordo.marketplace.catalog.RegisterProduct;
import dev.ordo.marketplace.ordering.AddItem;
import dev.ordo.marketplace.ordering.CancelOrder;
import dev.ordo.marketplace.ordering.ChangeShippingAddress;
import dev.ordo.marketplace.ordering.DeliverOrder;
import dev.ordo.marketplace.ordering.OrderLine;
import dev.ordo.marketplace.ordering.PayOrder;
import dev.ordo.marketplace.ordering.PaymentMethod;
import dev.ordo.marketplace.ordering.PlaceOrder;
import dev.ordo.marketplace.ordering.RemoveItem;
import dev.ordo.marketplace.ordering.ShipOrder;
import dev.ordo.marketplace.shared.Address;
import dev.ordo.marketplace.shared.CustomerId;
import dev.ordo.marketplace.shared.Money;
import dev.ordo.marketplace.shared.OrderId;
import dev.ordo.marketplace.shared.ProductId;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The Bean Validation annotations on commands, as a web layer would apply them before the decider runs. */
class CommandValidationUnitTests {

    private static final Instant AT = Instant.parse("2025-03-01T10:00:00Z");
    private static final ProductId PRODUCT = ProductId.of(UUID.fromString("00000000-0000-4000-8000-000000000001"));
    private static final Address HOME = new Address("Main Street 1", "Berlin", "10115", "DE");
    private static final Money PRICE = Money.of("8.90", "EUR");

    private static ValidatorFactory factory;
    private static Validator validator;

    @BeforeAll
    static void startValidator() {
        factory = Validation.byProvider(HibernateValidator.class).configure()
                .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory();
        validator = factory.getValidator();
    }

    @AfterAll
    static void closeValidator() {
        factory.close();
    }

    static Stream<Object> validCommands() {
        return Stream.of(
                new PlaceOrder(OrderId.of(UUID.randomUUID()), CustomerId.of(UUID.randomUUID()),
                        List.of(new OrderLine(PRODUCT, "Cheese", 1, PRICE)), HOME, AT),
                new AddItem(PRODUCT, "Cheese", 1, PRICE, AT), new RemoveItem(PRODUCT, 1, AT),
                new ChangeShippingAddress(HOME, AT), new PayOrder(PRICE, PaymentMethod.CRYPTO, "tx-1", AT),
                new ShipOrder("1Z", "UPS", AT), new DeliverOrder(AT), new CancelOrder("changed my mind", AT),
                DemoCatalog.products().getFirst(), new ChangePrice(PRICE, AT), new ChangeAvailability(false, AT));
    }

    @ParameterizedTest
    @MethodSource("validCommands")
    void findsNothingWrongWithAValidCommand(Object command) {
        assertThat(validator.validate(command)).isEmpty();
    }

    @Test
    void reportsEveryMissingBlankOrNonPositiveFieldOfAnOrderIncludingNestedOnes() {
        PlaceOrder place = new PlaceOrder(OrderId.of(UUID.randomUUID()), null,
                List.of(new OrderLine(PRODUCT, " ", 0, null)), new Address("Main Street 1", "", "10115", "DE"), AT);

        assertThat(paths(validator.validate(place))).containsExactlyInAnyOrder("customerId", "lines[0].productName",
                "lines[0].quantity", "lines[0].unitPrice", "shippingAddress.city");
        assertThat(paths(validator.validate(new PlaceOrder(null, null, List.of(), null, null))))
                .containsExactlyInAnyOrder("orderId", "customerId", "lines", "shippingAddress", "placedAt");
    }

    @Test
    void reportsTheMissingFieldsOfLifecycleAndCatalogCommands() {
        assertThat(paths(validator.validate(new PayOrder(null, null, "", null))))
                .containsExactlyInAnyOrder("amount", "method", "paymentReference", "paidAt");
        assertThat(paths(validator.validate(new ShipOrder(" ", null, AT)))).containsExactlyInAnyOrder("trackingNumber",
                "carrier");
        assertThat(paths(validator.validate(new RemoveItem(PRODUCT, -1, AT)))).containsExactly("quantity");
        assertThat(paths(validator.validate(new RegisterProduct(null, null, "", "", null, null, true, null))))
                .containsExactlyInAnyOrder("productId", "producerId", "producerName", "name", "price", "registeredAt");
    }

    private static <T> List<String> paths(Set<ConstraintViolation<T>> violations) {
        return violations.stream().map(violation -> violation.getPropertyPath().toString()).toList();
    }
}
