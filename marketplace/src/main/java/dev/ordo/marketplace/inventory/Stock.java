package dev.ordo.marketplace.inventory;

import dev.ordo.marketplace.shared.ProductId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The state of a stock stream: no stock recorded yet, or the units of a product. Built only by
 * {@link StockDecider#evolve}; immutable.
 */
public sealed interface Stock permits Stock.NoStock, Stock.Stocked {

    /** Nothing was ever added: nothing can be reserved. */
    record NoStock() implements Stock {
    }

    /**
     * A product's units.
     *
     * @param available    units that can be reserved; never negative
     * @param reserved     units held by open reservations
     * @param reservations open reservations: id to units
     * @param released     ids of reservations that were released, so a late duplicate reserve changes nothing
     */
    record Stocked(ProductId productId, int available, int reserved, Map<String, Integer> reservations,
                   Set<String> released) implements Stock {

        public Stocked {
            reservations = Map.copyOf(reservations);
            released = Set.copyOf(released);
        }

        Stocked added(int quantity) {
            return new Stocked(productId, available + quantity, reserved, reservations, released);
        }

        Stocked reservedFor(String reservationId, int quantity) {
            Map<String, Integer> open = new HashMap<>(reservations);
            open.put(reservationId, quantity);
            return new Stocked(productId, available - quantity, reserved + quantity, open, released);
        }

        Stocked releasedFrom(String reservationId) {
            int quantity = reservations.getOrDefault(reservationId, 0);
            Map<String, Integer> open = new HashMap<>(reservations);
            open.remove(reservationId);
            Set<String> done = new HashSet<>(released);
            done.add(reservationId);
            return new Stocked(productId, available + quantity, reserved - quantity, open, done);
        }
    }
}
