package dev.ordo.marketplace.crash;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The invariants about what the customers were answered and what each answered key wrote: every key answered, no
 * unexpected error, the expected answers, one order per placement key (also when the key is sent again after the run),
 * and one effect per key in the event log. Pure: reads an {@link EndState}, adds to {@link Violations}.
 */
final class AnswerChecks {

    private static final Map<Exchange.Kind, Set<Integer>> EXPECTED = Map.of(
            Exchange.Kind.PLACE, Set.of(201),
            Exchange.Kind.REPLAY, Set.of(201),
            Exchange.Kind.ADD_ITEM, Set.of(200, 422),
            Exchange.Kind.CANCEL, Set.of(202, 404, 422),
            Exchange.Kind.DELIVERY, Set.of(200));

    private AnswerChecks() {
    }

    static void check(EndState state, Violations violations) {
        for (Exchange exchange : state.history()) {
            answered(exchange, violations);
        }
        ordersPerKey(state, violations);
        effectsPerKey(state, violations);
    }

    private static void answered(Exchange exchange, Violations violations) {
        Exchange.Attempt answer = exchange.answer();
        if (answer == null) {
            violations.add(Invariant.EVERY_KEY_ANSWERED, exchange.key(), exchange.describe());
        } else if (!EXPECTED.get(exchange.kind()).contains(answer.status())) {
            violations.add(Invariant.EXPECTED_ANSWER, exchange.key(), exchange.describe() + "; last answer "
                    + excerpt(answer.body()));
        }
        List<Exchange.Attempt> errors = exchange.attempts().stream()
                .filter(a -> a.status() >= 500 && a.status() != 503).toList();
        if (!errors.isEmpty()) {
            violations.add(Invariant.NO_UNEXPECTED_ERROR, exchange.key(), errors.size() + " of "
                    + exchange.attempts().size() + " attempts answered " + errors.getFirst().summary() + " ("
                    + excerpt(errors.getFirst().body()) + "); " + exchange.describe());
        }
    }

    private static void ordersPerKey(EndState state, Violations violations) {
        Map<String, Exchange> placements = new HashMap<>();
        for (Exchange placement : state.exchanges(Exchange.Kind.PLACE)) {
            placements.put(placement.key(), placement);
            String expected = Customer.orderIdOf(placement.key());
            if (placement.answered() == 201) {
                JsonNode answer = placement.answer().json();
                if (!expected.equals(answer.path("orderId").asString())) {
                    violations.add(Invariant.ONE_ORDER_PER_KEY, placement.key(), "answered with order "
                            + answer.path("orderId").asString() + ", its key names " + expected);
                }
                if (!state.views().containsKey(expected)) {
                    violations.add(Invariant.ONE_ORDER_PER_KEY, placement.key(), "answered 201 with order " + expected
                            + ", which GET /orders/" + expected + " does not find");
                }
            }
            long placed = state.log().stream("order", expected).stream()
                    .filter(e -> e.type().equals("order.placed")).count();
            if (placement.answered() == 201 && placed != 1) {
                violations.add(Invariant.ONE_ORDER_PER_KEY, placement.key(), "order " + expected + " has " + placed
                        + " order.placed events");
            }
        }
        for (Exchange replay : state.exchanges(Exchange.Kind.REPLAY)) {
            Exchange first = placements.get(replay.key());
            if (first == null || first.answered() != 201 || replay.answered() != 201) {
                continue;
            }
            JsonNode before = first.answer().json();
            JsonNode again = replay.answer().json();
            if (!before.path("orderId").equals(again.path("orderId"))
                    || !before.path("version").equals(again.path("version"))) {
                violations.add(Invariant.ONE_ORDER_PER_KEY, replay.key(), "first answered order "
                        + before.path("orderId") + " at version " + before.path("version") + ", sent again: order "
                        + again.path("orderId") + " at version " + again.path("version"));
            }
        }
        Set<String> answered = new HashSet<>();
        placements.values().stream().filter(p -> p.answered() == 201)
                .forEach(p -> answered.add(Customer.orderIdOf(p.key())));
        Map<String, String> keyOfOrder = new HashMap<>();
        placements.keySet().forEach(key -> keyOfOrder.put(Customer.orderIdOf(key), key));
        for (String orderId : state.log().streams("order").keySet()) {
            if (!answered.contains(orderId)) {
                String key = keyOfOrder.get(orderId);
                violations.add(Invariant.ONE_ORDER_PER_KEY, "order " + orderId, "exists in the store, but its "
                        + "placement " + (key == null ? "is unknown" : key + " was answered "
                        + (placements.get(key).answered() < 0 ? "never" : placements.get(key).answered()))
                        + ": the customer cannot know it was placed");
            }
        }
    }

    private static void effectsPerKey(EndState state, Violations violations) {
        for (Exchange item : state.exchanges(Exchange.Kind.ADD_ITEM)) {
            long written = state.log().stream("order", item.target()).stream()
                    .filter(e -> e.type().equals("order.item-added") && item.key().equals(e.idempotencyKey()))
                    .count();
            expectOnce(item, written, violations);
        }
        for (Exchange delivery : state.exchanges(Exchange.Kind.DELIVERY)) {
            long written = state.log().stream("stock", delivery.target()).stream()
                    .filter(e -> e.type().equals("stock.added") && delivery.key().equals(e.idempotencyKey()))
                    .count();
            expectOnce(delivery, written, violations);
        }
    }

    private static void expectOnce(Exchange exchange, long written, Violations violations) {
        int status = exchange.answered();
        boolean ok = switch (status) {
            case 200 -> written == 1;
            case -1 -> written <= 1;
            default -> written == 0;
        };
        if (!ok) {
            violations.add(Invariant.ONE_EFFECT_PER_KEY, exchange.key(), "written " + written + " times for "
                    + (exchange.target() == null ? "" : exchange.target() + ", ") + "answered "
                    + (status < 0 ? "never" : String.valueOf(status)) + "; " + exchange.describe());
        }
    }

    /** The outage invariants: answers while the database was away, and health during and after each outage. */
    static void outages(List<FaultInjector.Injected> outages, List<Exchange> history, Store.Backend backend,
                        Violations violations) {
        for (FaultInjector.Injected outage : outages) {
            String subject = "outage at placement " + outage.atPlacement() + " (" + outage.duration().toMillis()
                    + " ms)";
            for (Exchange exchange : history) {
                for (Exchange.Attempt attempt : exchange.attempts()) {
                    boolean wrong = attempt.status() < 0 || attempt.status() >= 500 && attempt.status() != 503
                            || attempt.status() == 503 && !attempt.isProblem();
                    if (outage.covers(attempt) && wrong) {
                        violations.add(Invariant.OUTAGE_ANSWERED_503, subject, exchange.kind() + " key "
                                + exchange.key() + ", sent while the database was away, got " + attempt.summary()
                                + (attempt.status() == 503 ? " without a problem+json body" : ""));
                    }
                }
            }
            if (backend == Store.Backend.POSTGRES && !outage.health().contains(503)) {
                violations.add(Invariant.OUTAGE_ANSWERED_503, subject, "health never answered 503 (DOWN) while "
                        + "PostgreSQL was stopped; it answered " + outage.healthSeen());
            }
            if (!outage.healthyAgain()) {
                violations.add(Invariant.OUTAGE_ANSWERED_503, subject, "health was not 200 (UP) again within 90 s "
                        + "after the database came back");
            }
        }
    }

    static String excerpt(String body) {
        if (body == null) {
            return "(no body)";
        }
        String flat = body.replaceAll("\\s+", " ");
        return flat.length() <= 240 ? flat : flat.substring(0, 240) + "...";
    }
}
