package dev.ordo.marketplace.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ordo.marketplace.shared.ProductId;
import dev.ordo.test.fixture.DeciderFixture;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StockDeciderUnitTests {

    private static final DeciderFixture<StockCommand, Stock, StockEvent> STOCK = DeciderFixture.of(new StockDecider());
    private static final ProductId BOARD = ProductId.of(UUID.fromString("00000000-0000-4000-8000-0000000000b0"));
    private static final Instant AT = Instant.parse("2026-11-22T10:00:00Z");
    private static final StockAdded TEN = new StockAdded(BOARD, 10, 10, 0, AT);
    private static final StockReserved SEVEN_FOR_A = new StockReserved(BOARD, "a", 7, 3, 7, AT);

    private static void assertRejected(DeciderFixture<StockCommand, Stock, StockEvent>.When outcome,
                                       InventoryRule rule, String message) {
        outcome.thenRejects(InventoryRuleViolation.class)
                .hasMessageStartingWith("rule " + rule.id() + ": ")
                .hasMessageContaining(message)
                .isInstanceOfSatisfying(InventoryRuleViolation.class, v -> assertThat(v.rule()).isEqualTo(rule.id()));
    }

    @Test
    void addingStockMakesItAvailable() {
        Stock state = STOCK.given(TEN).when(new AddStock(BOARD, 5, AT)).then(new StockAdded(BOARD, 5, 15, 0, AT));

        assertThat(state).isInstanceOfSatisfying(Stock.Stocked.class, s -> assertThat(s.available()).isEqualTo(15));
    }

    @Test
    void reservingTakesUnitsFromAvailableIntoReserved() {
        Stock state = STOCK.given(TEN).when(new ReserveStock("a", 7, AT)).then(SEVEN_FOR_A);

        assertThat(state).isInstanceOfSatisfying(Stock.Stocked.class, s -> {
            assertThat(s.available()).isEqualTo(3);
            assertThat(s.reserved()).isEqualTo(7);
        });
    }

    @Test
    void refusesAReservationForMoreThanIsAvailableNamingBothNumbers() {
        assertRejected(STOCK.given(TEN, SEVEN_FOR_A).when(new ReserveStock("b", 4, AT)),
                InventoryRule.INSUFFICIENT_STOCK, "4 units requested, 3 available");
    }

    @Test
    void refusesAnyReservationOfAProductWithoutStock() {
        assertRejected(STOCK.when(new ReserveStock("a", 1, AT)), InventoryRule.INSUFFICIENT_STOCK,
                "1 units requested, 0 available (no stock recorded)");
    }

    @Test
    void reservingAgainWithTheSameIdChangesNothing() {
        STOCK.given(TEN, SEVEN_FOR_A).when(new ReserveStock("a", 7, AT)).thenNothing();
    }

    @Test
    void aReserveArrivingAfterItsReservationWasReleasedChangesNothing() {
        STOCK.given(TEN, SEVEN_FOR_A, new ReservationReleased(BOARD, "a", 7, 10, 0, AT))
                .when(new ReserveStock("a", 7, AT)).thenNothing();
    }

    @Test
    void refusesToReuseAReservationIdForAnotherQuantity() {
        assertRejected(STOCK.given(TEN, SEVEN_FOR_A).when(new ReserveStock("a", 2, AT)),
                InventoryRule.RESERVATION_ID_REUSED, "holds 7 units, not 2");
    }

    @Test
    void releasingGivesTheReservedUnitsBack() {
        STOCK.given(TEN, SEVEN_FOR_A).when(new ReleaseReservation("a", AT))
                .then(new ReservationReleased(BOARD, "a", 7, 10, 0, AT));
    }

    @Test
    void releasingAReleasedReservationOrAnyOnAProductWithoutStockChangesNothing() {
        STOCK.when(new ReleaseReservation("never", AT)).thenNothing();
        STOCK.given(TEN, SEVEN_FOR_A, new ReservationReleased(BOARD, "a", 7, 10, 0, AT))
                .when(new ReleaseReservation("a", AT)).thenNothing();
    }

    @Test
    void releasingAReservationTheStockNeverHeldFencesItsIdWithoutMovingUnits() {
        ReservationFenced fenced = new ReservationFenced(BOARD, "late", 10, 0, AT);

        Stock state = STOCK.given(TEN).when(new ReleaseReservation("late", AT)).then(fenced);

        assertThat(state).isInstanceOfSatisfying(Stock.Stocked.class, s -> {
            assertThat(s.available()).isEqualTo(10);
            assertThat(s.isSettled("late")).isTrue();
        });
        STOCK.given(TEN, fenced).when(new ReleaseReservation("late", AT)).thenNothing();
    }

    @Test
    void aReserveArrivingAfterItsReservationWasFencedTakesNothing() {
        STOCK.given(TEN, new ReservationFenced(BOARD, "late", 10, 0, AT))
                .when(new ReserveStock("late", 7, AT)).thenNothing();
    }

    @Test
    void shippingAReservationTakesItsUnitsOutOfTheStockForGood() {
        Stock state = STOCK.given(TEN, SEVEN_FOR_A).when(new ShipReservation("a", AT))
                .then(new ReservationShipped(BOARD, "a", 7, 3, 0, AT));

        assertThat(state).isInstanceOfSatisfying(Stock.Stocked.class, s -> {
            assertThat(s.available()).isEqualTo(3);
            assertThat(s.reserved()).isZero();
            assertThat(s.reservations()).isEmpty();
            assertThat(s.isSettled("a")).isTrue();
        });
    }

    @Test
    void aShippedReservationCanBeNeitherReleasedNorReservedNorShippedAgain() {
        ReservationShipped shipped = new ReservationShipped(BOARD, "a", 7, 3, 0, AT);

        STOCK.given(TEN, SEVEN_FOR_A, shipped).when(new ReleaseReservation("a", AT)).thenNothing();
        STOCK.given(TEN, SEVEN_FOR_A, shipped).when(new ReserveStock("a", 7, AT)).thenNothing();
        STOCK.given(TEN, SEVEN_FOR_A, shipped).when(new ShipReservation("a", AT)).thenNothing();
        STOCK.given(TEN).when(new ShipReservation("never", AT)).thenNothing();
        STOCK.when(new ShipReservation("never", AT)).thenNothing();
    }

    @Test
    void theStockRemembersOnlyTheLastSettledReservationsSoItsStateStaysSmall() {
        int settledMore = Stock.Stocked.SETTLED_MEMORY + 5;
        StockDecider decider = new StockDecider();
        Stock state = decider.evolve(decider.initialState(), new StockAdded(BOARD, settledMore, settledMore, 0, AT));
        for (int i = 0; i < settledMore; i++) {
            state = decider.evolve(state, new StockReserved(BOARD, "r" + i, 1, settledMore - 1, 1, AT));
            state = decider.evolve(state, new ReservationShipped(BOARD, "r" + i, 1, settledMore - 1 - i, 0, AT));
        }

        assertThat(state).isInstanceOfSatisfying(Stock.Stocked.class, s -> {
            assertThat(s.reservations()).isEmpty();
            assertThat(s.settled()).hasSize(Stock.Stocked.SETTLED_MEMORY).startsWith("r5")
                    .endsWith("r" + (settledMore - 1));
            assertThat(s.isSettled("r4")).isFalse();
            assertThat(s.isSettled("r5")).isTrue();
        });
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -3})
    void refusesQuantitiesThatAreNotPositive(int quantity) {
        assertRejected(STOCK.given(TEN).when(new ReserveStock("a", quantity, AT)),
                InventoryRule.QUANTITY_MUST_BE_POSITIVE, "at least 1");
        assertRejected(STOCK.when(new AddStock(BOARD, quantity, AT)), InventoryRule.QUANTITY_MUST_BE_POSITIVE,
                "at least 1");
    }

    @Test
    void refusesAReservationWithoutId() {
        assertRejected(STOCK.given(TEN).when(new ReserveStock(" ", 1, AT)), InventoryRule.RESERVATION_ID_REQUIRED,
                "needs an id");
    }

    @Test
    void refusesStockBeyondTheLimitSoCountsCannotOverflow() {
        assertRejected(STOCK.given(TEN).when(new AddStock(BOARD, StockDecider.MAX_UNITS, AT)),
                InventoryRule.QUANTITY_LIMIT_EXCEEDED, "would exceed");
    }

    @Test
    void refusesStockOfAnotherProductOnTheStream() {
        assertRejected(STOCK.given(TEN).when(new AddStock(ProductId.of(UUID.randomUUID()), 1, AT)),
                InventoryRule.PRODUCT_MISMATCH, "holds the stock of product " + BOARD);
    }

    @Test
    void theViolationCarriesTheCurrentCountsForTheProblemResponse() {
        STOCK.given(TEN, SEVEN_FOR_A).when(new ReserveStock("b", 4, AT)).thenRejects(InventoryRuleViolation.class)
                .isInstanceOfSatisfying(InventoryRuleViolation.class, v -> assertThat(v.details())
                        .containsEntry("available", 3).containsEntry("reserved", 7));
    }
}
