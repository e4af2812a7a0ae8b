package dev.ordo.marketplace.crash;

import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The invariants about what the application shows at rest: each order in the orders read model equals the order
 * folded from its stream at its last version, the saga index lists each saga under the status its stream has, and
 * no dead letter is left without a known cause. Pure.
 */
final class ReadModelChecks {

    private ReadModelChecks() {
    }

    static void check(EndState state, Violations violations) {
        for (String orderId : state.log().streams("order").keySet()) {
            JsonNode view = state.views().get(orderId);
            JsonNode folded = state.folded().get(orderId);
            if (view == null || !view.equals(folded)) {
                violations.add(Invariant.READ_MODEL_EQUALS_FOLD, "order " + orderId, "read model "
                        + AnswerChecks.excerpt(String.valueOf(view)) + " but its stream folds to "
                        + AnswerChecks.excerpt(String.valueOf(folded)));
            }
        }
        Map<String, String> indexed = state.indexed();
        for (String orderId : SagaChecks.placedOrders(state)) {
            String sagaId = EndState.sagaId(orderId);
            String status = state.sagaStatus(orderId).orElse(null);
            String listed = indexed.get(sagaId);
            if (status != null && listed != null && !listed.equals(status)) {
                violations.add(Invariant.READ_MODEL_EQUALS_FOLD, "saga " + sagaId, "the saga index lists it as "
                        + listed + ", its stream says " + status);
            }
        }
        for (JsonNode letter : state.deadLetters()) {
            violations.add(Invariant.DEAD_LETTERS_EXPLAINED, "dead letter " + letter.path("id").asString(),
                    letter.path("status").asString() + " from " + letter.path("origin").path("kind").asString() + ":"
                            + letter.path("origin").path("name").asString() + " for " + letter.path("key").asString()
                            + " after " + letter.path("attempts").asInt() + " attempts: "
                            + letter.path("failure").path("type").asString() + ": "
                            + AnswerChecks.excerpt(letter.path("failure").path("message").asString()));
        }
    }
}
