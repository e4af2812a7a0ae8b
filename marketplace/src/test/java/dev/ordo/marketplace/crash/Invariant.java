package dev.ordo.marketplace.crash;

/**
 * What a crash run checks over its whole history, each with the findings of issue 8 whose fix it proves (a violation
 * names the invariant, the ids concerned and the evidence).
 */
enum Invariant {

    EVERY_KEY_ANSWERED("every request got a definitive answer (2xx, or a 4xx other than 409 in progress) while its "
            + "customer retried it with the same Idempotency-Key", "1, 2"),
    NO_UNEXPECTED_ERROR("no request was answered with a 5xx other than 503 (an unexpected error, not an outage)",
            "1, 8"),
    EXPECTED_ANSWER("every definitive answer is one the request can get (201 for a placement, 200 or 422 for an "
            + "added item, 202, 404 or 422 for a cancellation, 200 for a delivery); a retried placement refused "
            + "with order-already-exists is a command run twice", "1, 2"),
    ONE_ORDER_PER_KEY("every placement key was answered with the one order its key names, every time, and that "
            + "order exists once; no order exists whose key was not answered", "1, 2"),
    ONE_EFFECT_PER_KEY("every request wrote its events once: an item added, a delivery received, an order placed "
            + "once per key (none for a refused request)", "2"),
    EVERY_SAGA_TERMINAL("every placed order's fulfilment saga is COMPLETED or COMPENSATED", "3, database outage"),
    SAGA_FINISHES_ONCE("a saga that finished records nothing more (no compensation after it completed)", "4"),
    ORDER_MATCHES_SAGA("a completed saga's order is SHIPPED, a compensated saga's order CANCELLED", "3, 4"),
    COMPENSATION_EXPLAINED("every compensated saga failed for a business reason (declined, out of stock, cancelled by "
            + "its customer, changed after it was accepted), never because a crash cut a step short", "3"),
    ONE_CAPTURE_PER_COMPLETED_ORDER("a completed order's payment was captured exactly once and not refunded; no "
            + "payment id was charged twice", "3"),
    NO_CAPTURE_KEPT_FOR_CANCELLED("a cancelled order keeps no money: captures minus refunds is 0", "3, 4"),
    STOCK_CONSERVED("per product: stock before + delivered - shipped = available + reserved", "2, 3, 5"),
    NOTHING_RESERVED_AT_REST("no unit stays reserved once every saga finished; a completed order's reservation was "
            + "shipped, a cancelled order's released, and nothing was reserved again after its release", "3, 5"),
    READ_MODEL_EQUALS_FOLD("every read model shows what its streams fold to: each order at its last version, each "
            + "product's stock, each saga's status in the saga index", "7"),
    READ_MODEL_EQUALS_REBUILD("every projection's tables equal a rebuild of them from position 0", "7"),
    DEAD_LETTERS_EXPLAINED("no dead letter without a known cause", "database outage"),
    OUTAGE_ANSWERED_503("while the database is away, requests are answered 503 problem+json at once and health is "
            + "DOWN; afterwards health is UP again without a restart", "database outage");

    private final String statement;
    private final String findings;

    Invariant(String statement, String findings) {
        this.statement = statement;
        this.findings = findings;
    }

    /** What holds when the invariant is kept. */
    String statement() {
        return statement;
    }

    /** The numbered findings of issue 8 (or its "database goes away" part) that break it. */
    String findings() {
        return findings;
    }
}
