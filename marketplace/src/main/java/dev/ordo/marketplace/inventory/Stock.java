package dev.ordo.marketplace.inventory;

import dev.ordo.marketplace.shared.ProductId;
import java.util.Collection;
import java.util.Map;
import org.pcollections.HashTreePMap;
import org.pcollections.PMap;
import org.pcollections.OrderedPSet;

/**
 * The state of a stock stream: no stock recorded yet, or the units of a product. Built only by
 * {@link StockDecider#evolve}; immutable.
 */
public sealed interface Stock permits Stock.NoStock, Stock.Stocked {

    /** Nothing was ever added: nothing can be reserved. */
    record NoStock() implements Stock {
    }

    /**
     * A product's units. Its size stays bounded however long the stream: open reservations are only those not yet
     * released or shipped, and of the settled ones only the last {@value #SETTLED_MEMORY} are remembered. Both are
     * persistent collections, so each event changes the state in O(log n) instead of copying it.
     *
     * @param available    units that can be reserved; never negative
     * @param reserved     units held by open reservations
     * @param reservations open reservations: id to units
     * @param settled      ids of the last {@value #SETTLED_MEMORY} reservations released or shipped, iterated oldest
     *                     first, so a late duplicate reserve or release of one of them changes nothing; an ordered
     *                     persistent set, so looking one up costs O(log n)
     */
    record Stocked(ProductId productId, int available, int reserved, Map<String, Integer> reservations,
                   Collection<String> settled) implements Stock {

        /** How many settled reservation ids a product's stock remembers. */
        public static final int SETTLED_MEMORY = 1_000;

        public Stocked {
            reservations = reservations instanceof PMap<String, Integer> persistent ? persistent
                    : HashTreePMap.from(reservations);
            OrderedPSet<String> ids = settled instanceof OrderedPSet<String> persistent ? persistent
                    : OrderedPSet.from(settled);
            while (ids.size() > SETTLED_MEMORY) {
                ids = ids.minus(ids.iterator().next());
            }
            settled = ids;
        }

        /** Whether the reservation was released or shipped (among the last {@value #SETTLED_MEMORY}). */
        public boolean isSettled(String reservationId) {
            return settled.contains(reservationId);
        }

        Stocked added(int quantity) {
            return new Stocked(productId, available + quantity, reserved, reservations, settled);
        }

        Stocked reservedFor(String reservationId, int quantity) {
            return new Stocked(productId, available - quantity, reserved + quantity,
                    ((PMap<String, Integer>) reservations).plus(reservationId, quantity), settled);
        }

        Stocked releasedFrom(String reservationId) {
            int quantity = reservations.getOrDefault(reservationId, 0);
            return new Stocked(productId, available + quantity, reserved - quantity,
                    ((PMap<String, Integer>) reservations).minus(reservationId), settle(reservationId));
        }

        Stocked shipped(String reservationId) {
            int quantity = reservations.getOrDefault(reservationId, 0);
            return new Stocked(productId, available, reserved - quantity,
                    ((PMap<String, Integer>) reservations).minus(reservationId), settle(reservationId));
        }

        /** The settled ids with this one; the constructor forgets the oldest beyond {@value #SETTLED_MEMORY}. */
        private OrderedPSet<String> settle(String reservationId) {
            return ((OrderedPSet<String>) settled).plus(reservationId);
        }
    }
}
