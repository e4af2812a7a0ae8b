package dev.ordo.marketplace.crash;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The invariants about stock: each product's stream, folded here from position 0 by the events' own quantities,
 * agrees with the read model; units are conserved against what the customers were told was delivered and what
 * shipped; nothing stays reserved; each order's reservation ended as its saga did, and none was taken again after it
 * was released. Pure.
 */
final class StockChecks {

    /** A product's stock folded from its events. */
    private static final class Fold {
        int added;
        int shipped;
        int available;
        int reserved;
        long version;
        final Map<String, Integer> open = new LinkedHashMap<>();
        final Map<String, String> settled = new HashMap<>();
    }

    private StockChecks() {
    }

    static void check(EndState state, Violations violations) {
        Map<String, Integer> delivered = new HashMap<>();
        state.exchanges(Exchange.Kind.DELIVERY).stream().filter(e -> e.answered() == 200)
                .forEach(e -> delivered.merge(e.target(), e.quantity(), Integer::sum));
        Map<String, String> reservationsOfOrders = new HashMap<>();
        Map<String, String> sagaStatus = new HashMap<>();
        for (String orderId : SagaChecks.placedOrders(state)) {
            String reservation = EndState.invocationId(orderId, "reserve-stock");
            reservationsOfOrders.put(reservation, orderId);
            state.sagaStatus(orderId).ifPresent(status -> sagaStatus.put(reservation, status));
        }
        Map<String, List<EventLog.Event>> streams = state.log().streams("stock");
        for (Map.Entry<String, List<EventLog.Event>> stream : streams.entrySet()) {
            String productId = stream.getKey();
            Fold fold = fold(productId, stream.getValue(), violations);
            JsonNode view = state.stock().get(productId);
            if (view == null || view.path("available").asInt() != fold.available
                    || view.path("reserved").asInt() != fold.reserved || view.path("version").asLong() != fold.version) {
                violations.add(Invariant.READ_MODEL_EQUALS_FOLD, "stock of " + productId, "read model " + view
                        + ", its stream folds to available " + fold.available + ", reserved " + fold.reserved
                        + " at version " + fold.version);
            }
            Integer before = state.stockBefore().get(productId);
            int told = delivered.getOrDefault(productId, 0);
            if (before != null && view != null) {
                int now = view.path("available").asInt() + view.path("reserved").asInt();
                if (before + told - fold.shipped != now) {
                    violations.add(Invariant.STOCK_CONSERVED, "product " + productId, "before " + before
                            + " + delivered " + told + " - shipped " + fold.shipped + " = " + (before + told
                            - fold.shipped) + ", but available + reserved = " + now + " (the log holds "
                            + (fold.added - before) + " units added during the run)");
                }
            }
            if (fold.reserved != 0 || (view != null && view.path("reserved").asInt() != 0)) {
                violations.add(Invariant.NOTHING_RESERVED_AT_REST, "product " + productId, fold.reserved
                        + " units reserved at rest: " + describeOpen(fold.open, reservationsOfOrders, sagaStatus));
            }
            outcomes(state, productId, fold, reservationsOfOrders, sagaStatus, violations);
        }
    }

    private static Fold fold(String productId, List<EventLog.Event> events, Violations violations) {
        Fold fold = new Fold();
        for (EventLog.Event event : events) {
            JsonNode data = event.data();
            String reservation = data.path("reservationId").asString(null);
            int quantity = data.path("quantity").asInt();
            switch (event.type()) {
                case "stock.added" -> {
                    fold.added += quantity;
                    fold.available += quantity;
                }
                case "stock.reserved" -> {
                    if (fold.settled.containsKey(reservation)) {
                        violations.add(Invariant.NOTHING_RESERVED_AT_REST, "reservation " + reservation,
                                "reserved " + quantity + " units of " + productId + " at version " + event.version()
                                        + " after it was " + fold.settled.get(reservation) + " (a late action)");
                    }
                    fold.available -= quantity;
                    fold.reserved += quantity;
                    fold.open.merge(reservation, quantity, Integer::sum);
                }
                case "stock.reservation-released" -> {
                    fold.available += quantity;
                    fold.reserved -= quantity;
                    fold.open.remove(reservation);
                    fold.settled.put(reservation, "released");
                }
                case "stock.reservation-fenced" -> {
                    if (fold.open.containsKey(reservation)) {
                        violations.add(Invariant.NOTHING_RESERVED_AT_REST, "reservation " + reservation,
                                "fenced at version " + event.version() + " while it held units of " + productId);
                    }
                    fold.settled.put(reservation, "fenced");
                }
                case "stock.reservation-shipped" -> {
                    fold.shipped += quantity;
                    fold.reserved -= quantity;
                    fold.open.remove(reservation);
                    fold.settled.put(reservation, "shipped");
                }
                default -> violations.add(Invariant.READ_MODEL_EQUALS_FOLD, "stock of " + productId,
                        "unknown stock event " + event.type() + " at version " + event.version());
            }
            fold.version = event.version();
            if (data.path("available").asInt() != fold.available || data.path("reserved").asInt() != fold.reserved) {
                violations.add(Invariant.STOCK_CONSERVED, "stock of " + productId, event.type() + " at version "
                        + event.version() + " says available " + data.path("available").asInt() + ", reserved "
                        + data.path("reserved").asInt() + "; the events before it add up to " + fold.available
                        + " and " + fold.reserved);
                fold.available = data.path("available").asInt();
                fold.reserved = data.path("reserved").asInt();
            }
        }
        return fold;
    }

    private static void outcomes(EndState state, String productId, Fold fold, Map<String, String> orders,
                                 Map<String, String> sagas, Violations violations) {
        fold.settled.forEach((reservation, how) -> {
            String status = sagas.get(reservation);
            boolean agrees = status == null || switch (status) {
                case "COMPLETED" -> how.equals("shipped");
                case "COMPENSATED" -> how.equals("released") || how.equals("fenced");
                default -> true;
            };
            if (!agrees) {
                String orderId = orders.get(reservation);
                violations.add(Invariant.NOTHING_RESERVED_AT_REST, "order " + orderId, "its saga is " + status
                        + ", but its reservation of " + productId + " was " + how + "; the saga failed: "
                        + state.sagas().get(orderId).path("failure").asString("")
                        + SagaChecks.describeSaga(state.sagas().get(orderId))
                        + SagaChecks.attemptErrors(state, orderId));
            }
        });
    }

    private static String describeOpen(Map<String, Integer> open, Map<String, String> orders,
                                       Map<String, String> sagas) {
        StringBuilder text = new StringBuilder();
        open.forEach((reservation, units) -> text.append(text.isEmpty() ? "" : "; ").append(units)
                .append(" for order ").append(orders.getOrDefault(reservation, "? (" + reservation + ")"))
                .append(" (saga ").append(sagas.getOrDefault(reservation, "unknown")).append(')'));
        return text.toString();
    }
}
