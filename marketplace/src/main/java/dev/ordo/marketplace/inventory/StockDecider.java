package dev.ordo.marketplace.inventory;

import static dev.ordo.marketplace.inventory.InventoryRule.INSUFFICIENT_STOCK;
import static dev.ordo.marketplace.inventory.InventoryRule.PRODUCT_MISMATCH;
import static dev.ordo.marketplace.inventory.InventoryRule.PRODUCT_REQUIRED;
import static dev.ordo.marketplace.inventory.InventoryRule.QUANTITY_LIMIT_EXCEEDED;
import static dev.ordo.marketplace.inventory.InventoryRule.QUANTITY_MUST_BE_POSITIVE;
import static dev.ordo.marketplace.inventory.InventoryRule.RESERVATION_ID_REQUIRED;
import static dev.ordo.marketplace.inventory.InventoryRule.RESERVATION_ID_REUSED;
import static dev.ordo.marketplace.inventory.InventoryRule.TIMESTAMP_REQUIRED;

import dev.ordo.core.decider.Decider;
import dev.ordo.core.event.EventType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A product's stock as a pure {@link Decider}: one stream per product ({@code StreamId.of("stock", productId)}).
 *
 * <p>Guarantees: available stock never goes below zero (a reservation for more than is available is refused with
 * {@code insufficient-stock}, naming both numbers); reserving is idempotent by reservation id (an id already reserved
 * or already settled produces no event, so a retried or late reserve never takes units twice); releasing and shipping
 * are idempotent (a settled reservation produces no event). A reservation is settled when it is released (its units
 * are available again), shipped (its units leave the stock) or fenced: releasing a reservation the stock never held
 * records {@code stock.reservation-fenced}, so that a reserve whose outcome was unknown and that arrives after its
 * compensation takes nothing. The last
 * {@value Stock.Stocked#SETTLED_MEMORY} settled ids are remembered. Checks run in a fixed order: the command's
 * fields, then the stock. Stateless and thread-safe.
 */
public final class StockDecider implements Decider<StockCommand, Stock, StockEvent> {

    /** The most units one product's stock may hold, on hand and reserved together. */
    public static final int MAX_UNITS = 1_000_000;

    @Override
    public Stock initialState() {
        return new Stock.NoStock();
    }

    /**
     * @throws InventoryRuleViolation when the command breaks a rule
     * @throws NullPointerException   when the command or the state is null
     */
    @Override
    public List<StockEvent> decide(StockCommand command, Stock state) {
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(state, "state");
        return switch (command) {
            case AddStock add -> List.of(add(add, state));
            case ReserveStock reserve -> reserve(reserve, state);
            case ReleaseReservation release -> release(release, state);
            case ShipReservation ship -> ship(ship, state);
        };
    }

    /** @throws IllegalStateException when the event cannot follow the state (a corrupt stream) */
    @Override
    public Stock evolve(Stock state, StockEvent event) {
        return switch (event) {
            case StockAdded added -> switch (state) {
                case Stock.NoStock none -> new Stock.Stocked(added.productId(), added.quantity(), 0, Map.of(), List.of());
                case Stock.Stocked stocked -> stocked.added(added.quantity());
            };
            case StockReserved reserved -> stocked(state, event).reservedFor(reserved.reservationId(),
                    reserved.quantity());
            case ReservationReleased released -> stocked(state, event).releasedFrom(released.reservationId());
            case ReservationShipped shipped -> stocked(state, event).shipped(shipped.reservationId());
            case ReservationFenced fenced -> stocked(state, event).releasedFrom(fenced.reservationId());
        };
    }

    private static StockAdded add(AddStock add, Stock state) {
        if (add.productId() == null) {
            throw new InventoryRuleViolation(PRODUCT_REQUIRED, state, "stock is added for a product");
        }
        requireTimestamp(add.addedAt(), "addedAt", state);
        requirePositive(add.quantity(), state);
        return switch (state) {
            case Stock.NoStock none -> {
                requireWithinLimit(add.quantity(), 0, state);
                yield new StockAdded(add.productId(), add.quantity(), add.quantity(), 0, add.addedAt());
            }
            case Stock.Stocked s -> {
                if (!s.productId().equals(add.productId())) {
                    throw new InventoryRuleViolation(PRODUCT_MISMATCH, state, "this stream holds the stock of product "
                            + s.productId() + ", not " + add.productId());
                }
                requireWithinLimit(add.quantity(), s.available() + s.reserved(), state);
                yield new StockAdded(s.productId(), add.quantity(), s.available() + add.quantity(), s.reserved(),
                        add.addedAt());
            }
        };
    }

    private static List<StockEvent> reserve(ReserveStock reserve, Stock state) {
        requireReservationId(reserve.reservationId(), state);
        requireTimestamp(reserve.reservedAt(), "reservedAt", state);
        requirePositive(reserve.quantity(), state);
        return switch (state) {
            case Stock.NoStock none -> throw new InventoryRuleViolation(INSUFFICIENT_STOCK, state,
                    reserve.quantity() + " units requested, 0 available");
            case Stock.Stocked s -> {
                Integer held = s.reservations().get(reserve.reservationId());
                if (held != null && held != reserve.quantity()) {
                    throw new InventoryRuleViolation(RESERVATION_ID_REUSED, state, "reservation "
                            + reserve.reservationId() + " holds " + held + " units, not " + reserve.quantity());
                }
                if (held != null || s.isSettled(reserve.reservationId())) {
                    yield List.of();
                }
                if (reserve.quantity() > s.available()) {
                    throw new InventoryRuleViolation(INSUFFICIENT_STOCK, state, reserve.quantity()
                            + " units requested, " + s.available() + " available");
                }
                yield List.of(new StockReserved(s.productId(), reserve.reservationId(), reserve.quantity(),
                        s.available() - reserve.quantity(), s.reserved() + reserve.quantity(), reserve.reservedAt()));
            }
        };
    }

    private static List<StockEvent> release(ReleaseReservation release, Stock state) {
        requireReservationId(release.reservationId(), state);
        requireTimestamp(release.releasedAt(), "releasedAt", state);
        return switch (state) {
            case Stock.NoStock none -> List.of();
            case Stock.Stocked s -> {
                Integer held = s.reservations().get(release.reservationId());
                if (held != null) {
                    yield List.of(new ReservationReleased(s.productId(), release.reservationId(), held,
                            s.available() + held, s.reserved() - held, release.releasedAt()));
                }
                yield s.isSettled(release.reservationId()) ? List.of() : List.of(new ReservationFenced(s.productId(),
                        release.reservationId(), s.available(), s.reserved(), release.releasedAt()));
            }
        };
    }

    private static List<StockEvent> ship(ShipReservation ship, Stock state) {
        requireReservationId(ship.reservationId(), state);
        requireTimestamp(ship.shippedAt(), "shippedAt", state);
        return switch (state) {
            case Stock.NoStock none -> List.of();
            case Stock.Stocked s -> {
                Integer held = s.reservations().get(ship.reservationId());
                yield held == null ? List.of() : List.of(new ReservationShipped(s.productId(), ship.reservationId(),
                        held, s.available(), s.reserved() - held, ship.shippedAt()));
            }
        };
    }

    private static void requireReservationId(String reservationId, Stock state) {
        if (reservationId == null || reservationId.isBlank()) {
            throw new InventoryRuleViolation(RESERVATION_ID_REQUIRED, state, "a reservation needs an id");
        }
    }

    private static void requireTimestamp(Instant at, String field, Stock state) {
        if (at == null) {
            throw new InventoryRuleViolation(TIMESTAMP_REQUIRED, state, field + " is required");
        }
    }

    private static void requirePositive(int quantity, Stock state) {
        if (quantity <= 0) {
            throw new InventoryRuleViolation(QUANTITY_MUST_BE_POSITIVE, state, "quantity must be at least 1, was "
                    + quantity);
        }
    }

    private static void requireWithinLimit(int quantity, int held, Stock state) {
        if ((long) quantity + held > MAX_UNITS) {
            throw new InventoryRuleViolation(QUANTITY_LIMIT_EXCEEDED, state, "adding " + quantity + " units to "
                    + held + " would exceed " + MAX_UNITS);
        }
    }

    private static Stock.Stocked stocked(Stock state, StockEvent event) {
        return switch (state) {
            case Stock.Stocked s -> s;
            case Stock.NoStock none -> throw new IllegalStateException("event '"
                    + event.getClass().getAnnotation(EventType.class).value() + "' cannot follow a stream without "
                    + "stock (product " + event.productId() + "); the stream is corrupt");
        };
    }
}
