package dev.ordo.marketplace.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ordo.marketplace.shared.Money;
import dev.ordo.marketplace.shared.ProducerId;
import dev.ordo.marketplace.shared.ProductId;
import dev.ordo.test.fixture.DeciderFixture;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ProductDeciderUnitTests {

    private static final DeciderFixture<ProductCommand, Product, ProductEvent> PRODUCTS =
            DeciderFixture.of(new ProductDecider());

    private static final ProductId MUG = ProductId.of(UUID.fromString("00000000-0000-4000-8000-0000000000aa"));
    private static final ProducerId WORKSHOP = ProducerId.of(UUID.fromString("00000000-0000-4000-8000-0000000000bb"));
    private static final Instant REGISTERED_AT = Instant.parse("2025-01-01T08:00:00Z");
    private static final Instant LATER = Instant.parse("2025-02-01T08:00:00Z");
    private static final String REGISTERED_AVAILABLE = "(product is registered and available)";
    private static final String UNREGISTERED = "(product is not registered)";

    private static final ProductRegistered REGISTERED = new ProductRegistered(MUG, WORKSHOP, "Birch & Clay", "Mug",
            "Stoneware", eur("18.00"), true, REGISTERED_AT);

    private static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }

    private static RegisterProduct register(Money price) {
        return new RegisterProduct(MUG, WORKSHOP, "Birch & Clay", "Mug", "Stoneware", price, true, REGISTERED_AT);
    }

    private static void assertRejected(DeciderFixture<ProductCommand, Product, ProductEvent>.When outcome, String rule,
                                       String state) {
        outcome.thenRejects(CatalogRuleViolation.class)
                .hasMessageStartingWith("rule " + rule + ": ")
                .hasMessageEndingWith(state)
                .isInstanceOfSatisfying(CatalogRuleViolation.class,
                        violation -> assertThat(violation.rule()).isEqualTo(rule));
    }

    @Test
    void registersAProductWithItsProducerPriceAndAvailability() {
        Product state = PRODUCTS.when(register(eur("18"))).then(REGISTERED);

        assertThat(state).isEqualTo(new Product.Registered(MUG, WORKSHOP, "Birch & Clay", "Mug", "Stoneware",
                eur("18.00"), true, REGISTERED_AT));
    }

    @Test
    void registersAFreeProductWithoutDescriptionAsAnEmptyDescription() {
        PRODUCTS.when(new RegisterProduct(MUG, WORKSHOP, "Birch & Clay", "Sticker", null, eur("0"), false, REGISTERED_AT))
                .then(new ProductRegistered(MUG, WORKSHOP, "Birch & Clay", "Sticker", "", eur("0.00"), false,
                        REGISTERED_AT));
    }

    @Test
    void refusesRegisteringAProductTwice() {
        var outcome = PRODUCTS.given(REGISTERED).when(register(eur("18.00")));

        assertRejected(outcome, "product-already-registered", REGISTERED_AVAILABLE);
        outcome.thenRejects(CatalogRuleViolation.class)
                .isInstanceOfSatisfying(CatalogRuleViolation.class, violation -> assertThat(violation.registered()).isTrue());
    }

    @Test
    void refusesARegistrationWithoutProductIdTimeOrProducer() {
        assertRejected(PRODUCTS.when(new RegisterProduct(null, WORKSHOP, "Birch & Clay", "Mug", "", eur("1"), true,
                REGISTERED_AT)), "product-id-required", UNREGISTERED);
        assertRejected(PRODUCTS.when(new RegisterProduct(MUG, WORKSHOP, "Birch & Clay", "Mug", "", eur("1"), true,
                null)), "timestamp-required", UNREGISTERED);
        assertRejected(PRODUCTS.when(new RegisterProduct(MUG, null, "Birch & Clay", "Mug", "", eur("1"), true,
                REGISTERED_AT)), "producer-required", UNREGISTERED);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = " ")
    void refusesARegistrationWithoutProducerNameOrProductName(String blank) {
        assertRejected(PRODUCTS.when(new RegisterProduct(MUG, WORKSHOP, blank, "Mug", "", eur("1"), true,
                REGISTERED_AT)), "producer-name-required", UNREGISTERED);
        assertRejected(PRODUCTS.when(new RegisterProduct(MUG, WORKSHOP, "Birch & Clay", blank, "", eur("1"), true,
                REGISTERED_AT)), "product-name-required", UNREGISTERED);
    }

    @Test
    void refusesARegistrationWithoutPriceOrWithANegativeOne() {
        assertRejected(PRODUCTS.when(register(null)), "price-required", UNREGISTERED);
        assertRejected(PRODUCTS.when(register(eur("-0.01"))), "price-must-not-be-negative", UNREGISTERED);
    }

    @Test
    void changesThePriceAndRecordsTheOldAndTheNewOne() {
        Product state = PRODUCTS.given(REGISTERED).when(new ChangePrice(eur("19.50"), LATER))
                .then(new PriceChanged(MUG, eur("18.00"), eur("19.50"), LATER));

        assertThat(((Product.Registered) state).price()).isEqualTo(eur("19.50"));
    }

    @Test
    void acceptsTheCurrentPriceAndRecordsNoChange() {
        PRODUCTS.given(REGISTERED).when(new ChangePrice(eur("18"), LATER)).thenNothing();
    }

    @Test
    void refusesAPriceChangeOfAProductThatIsNotRegistered() {
        var outcome = PRODUCTS.when(new ChangePrice(eur("19.50"), LATER));

        assertRejected(outcome, "product-not-found", UNREGISTERED);
        outcome.thenRejects(CatalogRuleViolation.class)
                .isInstanceOfSatisfying(CatalogRuleViolation.class, violation -> assertThat(violation.registered()).isFalse());
    }

    @Test
    void refusesAPriceChangeWithoutTimePriceOrWithANegativePrice() {
        assertRejected(PRODUCTS.given(REGISTERED).when(new ChangePrice(eur("19.50"), null)), "timestamp-required",
                REGISTERED_AVAILABLE);
        assertRejected(PRODUCTS.given(REGISTERED).when(new ChangePrice(null, LATER)), "price-required",
                REGISTERED_AVAILABLE);
        assertRejected(PRODUCTS.given(REGISTERED).when(new ChangePrice(eur("-1"), LATER)),
                "price-must-not-be-negative", REGISTERED_AVAILABLE);
    }

    @Test
    void refusesAPriceInAnotherCurrency() {
        var outcome = PRODUCTS.given(REGISTERED).when(new ChangePrice(Money.of("18.00", "USD"), LATER));

        assertRejected(outcome, "currency-cannot-change", REGISTERED_AVAILABLE);
        outcome.thenRejects(CatalogRuleViolation.class).hasMessageContaining("is in EUR and cannot change to USD");
    }

    @Test
    void makesAProductUnavailableAndAvailableAgain() {
        Product unavailable = PRODUCTS.given(REGISTERED).when(new ChangeAvailability(false, LATER))
                .then(new AvailabilityChanged(MUG, false, LATER));
        assertThat(((Product.Registered) unavailable).available()).isFalse();

        PRODUCTS.given(REGISTERED, new AvailabilityChanged(MUG, false, LATER)).when(new ChangeAvailability(true, LATER))
                .then(new AvailabilityChanged(MUG, true, LATER));
    }

    @Test
    void acceptsTheCurrentAvailabilityAndRecordsNoChange() {
        PRODUCTS.given(REGISTERED).when(new ChangeAvailability(true, LATER)).thenNothing();
    }

    @Test
    void refusesAnAvailabilityChangeOfAProductThatIsNotRegisteredOrWithoutTime() {
        assertRejected(PRODUCTS.when(new ChangeAvailability(false, LATER)), "product-not-found", UNREGISTERED);
        assertRejected(PRODUCTS.given(REGISTERED, new AvailabilityChanged(MUG, false, LATER))
                        .when(new ChangeAvailability(true, null)), "timestamp-required",
                "(product is registered and unavailable)");
    }

    @Test
    void refusesToFoldAnEventThatCannotFollowTheState() {
        ProductDecider decider = new ProductDecider();

        assertThatThrownBy(() -> decider.evolve(decider.initialState(), new PriceChanged(MUG, eur("1"), eur("2"), LATER)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'product.price-changed' cannot follow no product");
        assertThatThrownBy(() -> decider.fold(List.of(REGISTERED, REGISTERED)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'product.registered' cannot follow a registered product");
    }

    @Test
    void namesEveryRuleWithAStableKebabCaseId() {
        assertThat(Arrays.stream(CatalogRule.values()).map(CatalogRule::id)).containsExactly(
                "product-already-registered", "product-not-found", "product-id-required", "producer-required",
                "producer-name-required", "product-name-required", "price-required", "price-must-not-be-negative",
                "currency-cannot-change", "timestamp-required");
    }
}
