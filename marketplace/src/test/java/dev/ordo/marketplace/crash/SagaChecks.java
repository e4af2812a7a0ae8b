package dev.ordo.marketplace.crash;

import dev.ordo.marketplace.payments.fake.PaymentLedger;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/**
 * The invariants about each placed order's fulfilment and money: its saga finished (once), the order's status agrees
 * with it, a compensation has a business reason, a completed order was charged once, a cancelled one keeps nothing.
 * The money comes from the payment provider's own ledger, which outlived every kill. Pure.
 */
final class SagaChecks {

    private static final Set<String> FINISHED = Set.of("saga.completed", "saga.compensated");

    /** Whether the event ends its saga: a completion or compensation, or the last step's success that completes it. */
    private static boolean finishes(EventLog.Event event) {
        return FINISHED.contains(event.type())
                || event.type().equals("saga.step-succeeded") && event.data().path("completes").asBoolean(false);
    }

    private SagaChecks() {
    }

    static void check(EndState state, Violations violations) {
        Set<String> addedTo = state.exchanges(Exchange.Kind.ADD_ITEM).stream().filter(e -> e.answered() != 422)
                .map(Exchange::target).collect(Collectors.toSet());
        Map<String, Long> charges = state.ledger().charges().stream()
                .collect(Collectors.groupingBy(PaymentLedger.Entry::paymentId, Collectors.counting()));
        Map<String, Long> refunds = state.ledger().refunds().stream()
                .collect(Collectors.groupingBy(PaymentLedger.Entry::paymentId, Collectors.counting()));
        Map<String, String> orderOfPayment = new HashMap<>();
        for (String orderId : placedOrders(state)) {
            orderOfPayment.put(EndState.invocationId(orderId, "take-payment"), orderId);
            JsonNode saga = state.sagas().get(orderId);
            if (saga == null) {
                violations.add(Invariant.EVERY_SAGA_TERMINAL, "order " + orderId, "has no fulfilment saga");
                continue;
            }
            String status = saga.path("status").asString();
            if (!status.equals("COMPLETED") && !status.equals("COMPENSATED")) {
                violations.add(Invariant.EVERY_SAGA_TERMINAL, "order " + orderId, "saga " + saga.path("sagaId")
                        .asString() + " is " + status + describeSaga(saga) + attemptErrors(state, orderId));
            }
            finishedOnce(state, orderId, violations);
            orderAgrees(state, orderId, status, violations);
            if (status.equals("COMPENSATED")) {
                explained(orderId, saga, addedTo.contains(orderId), attemptErrors(state, orderId), violations);
            }
            String paymentId = EndState.invocationId(orderId, "take-payment");
            money(orderId, paymentId, charges.getOrDefault(paymentId, 0L), refunds.getOrDefault(paymentId, 0L),
                    status, state.views().get(orderId), violations);
        }
        for (PaymentLedger.Entry charge : state.ledger().charges()) {
            if (!orderOfPayment.containsKey(charge.paymentId())) {
                violations.add(Invariant.ONE_CAPTURE_PER_COMPLETED_ORDER, "payment " + charge.paymentId(),
                        "charged " + charge.amount() + " for no placed order");
            }
        }
    }

    /** Orders whose placement was answered, and every order that exists in the store. */
    static Set<String> placedOrders(EndState state) {
        Set<String> orders = new HashSet<>(state.log().streams("order").keySet());
        state.exchanges(Exchange.Kind.PLACE).stream().filter(e -> e.answered() == 201)
                .forEach(e -> orders.add(Customer.orderIdOf(e.key())));
        return orders;
    }

    private static void finishedOnce(EndState state, String orderId, Violations violations) {
        List<EventLog.Event> events = state.log().stream("saga", EndState.sagaId(orderId));
        for (int i = 0; i < events.size(); i++) {
            if (finishes(events.get(i)) && i < events.size() - 1) {
                violations.add(Invariant.SAGA_FINISHES_ONCE, "order " + orderId, "saga " + EndState.sagaId(orderId)
                        + " recorded " + events.get(i).type() + " at version " + events.get(i).version()
                        + ", then " + events.subList(i + 1, events.size()).stream().map(EventLog.Event::type)
                        .toList());
                return;
            }
        }
    }

    private static void orderAgrees(EndState state, String orderId, String sagaStatus, Violations violations) {
        JsonNode view = state.views().get(orderId);
        String orderStatus = view == null ? "missing" : view.path("status").asString();
        boolean agrees = switch (sagaStatus) {
            case "COMPLETED" -> orderStatus.equals("SHIPPED") || orderStatus.equals("DELIVERED");
            case "COMPENSATED" -> orderStatus.equals("CANCELLED");
            default -> true;
        };
        if (!agrees) {
            JsonNode saga = state.sagas().get(orderId);
            violations.add(Invariant.ORDER_MATCHES_SAGA, "order " + orderId, "is " + orderStatus + ", its saga "
                    + sagaStatus + " (" + saga.path("failure").asString("") + ")" + describeSaga(saga)
                    + "; order events " + state.log().stream("order", orderId).stream().map(EventLog.Event::type)
                    .toList());
        }
    }

    /**
     * The reasons a run's customers and provider give: a decline, a shortage, the customers' own cancellation (its
     * reason is unique to them), or an item added (by a request that was not refused) after the saga took the order's
     * total.
     */
    private static void explained(String orderId, JsonNode saga, boolean itemAdded, String errors,
                                  Violations violations) {
        String failure = saga.path("failure").asString("");
        boolean business = failure.contains("payment declined") || failure.contains("insufficient stock")
                || failure.contains(Customer.CANCEL_REASON)
                || itemAdded && failure.contains("could not be recorded on the order");
        if (!business) {
            violations.add(Invariant.COMPENSATION_EXPLAINED, "order " + orderId, "cancelled for no business reason: "
                    + failure + describeSaga(saga) + errors);
        }
    }

    private static void money(String orderId, String paymentId, long charges, long refunds, String sagaStatus,
                              JsonNode view, Violations violations) {
        boolean orderCancelled = view != null && view.path("status").asString().equals("CANCELLED");
        if (charges > 1) {
            violations.add(Invariant.ONE_CAPTURE_PER_COMPLETED_ORDER, "order " + orderId, "payment " + paymentId
                    + " charged " + charges + " times");
        }
        if (sagaStatus.equals("COMPLETED") && !orderCancelled && (charges != 1 || refunds != 0)) {
            violations.add(Invariant.ONE_CAPTURE_PER_COMPLETED_ORDER, "order " + orderId, "completed with "
                    + charges + " captures and " + refunds + " refunds at the provider");
        }
        if ((sagaStatus.equals("COMPENSATED") || orderCancelled) && charges != refunds) {
            violations.add(Invariant.NO_CAPTURE_KEPT_FOR_CANCELLED, "order " + orderId, "is "
                    + (view == null ? "missing" : view.path("status").asString()) + " (saga " + sagaStatus
                    + ") with " + charges + " captures and " + refunds + " refunds at the provider");
        }
    }

    /** The failed attempts in the saga's stream (the first three), for reports. */
    static String attemptErrors(EndState state, String orderId) {
        List<String> errors = state.log().stream("saga", EndState.sagaId(orderId)).stream()
                .filter(e -> e.type().equals("saga.step-attempt-failed")
                        || e.type().equals("saga.compensation-attempt-failed"))
                .map(e -> e.data().path("step").asString() + "#" + e.data().path("attempt").asInt() + ": "
                        + AnswerChecks.excerpt(e.data().path("error").asString()))
                .limit(3).toList();
        return errors.isEmpty() ? "" : "; failed attempts: " + String.join(" | ", errors);
    }

    /** The saga's steps that did not succeed, and why it failed, for reports. */
    static String describeSaga(JsonNode saga) {
        StringBuilder text = new StringBuilder();
        for (JsonNode step : saga.path("steps")) {
            String state = step.path("state").asString();
            if (!state.equals("SUCCEEDED")) {
                text.append(text.isEmpty() ? "; steps: " : ", ").append(step.path("name").asString()).append(' ')
                        .append(state).append(" after ").append(step.path("attempts").asInt()).append(" attempts");
                if (!step.path("lastError").isNull() && !step.path("lastError").isMissingNode()) {
                    text.append(" (").append(AnswerChecks.excerpt(step.path("lastError").asString())).append(')');
                }
            }
        }
        return text.toString();
    }
}
