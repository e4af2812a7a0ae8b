package dev.ordo.marketplace.crash;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One request a customer sent until it was answered: its Idempotency-Key, what it was about, and every attempt. An
 * attempt without a definitive answer (no connection, no answer in time, a 5xx, or 409 "in progress") has an unknown
 * outcome, and the request is sent again, unchanged, with the same key. Written by one customer's thread, read after
 * it ended.
 */
final class Exchange {

    /** What a request does. */
    enum Kind {
        /** {@code POST /orders}. */
        PLACE,
        /** {@code POST /orders/{id}/items}. */
        ADD_ITEM,
        /** {@code POST /orders/{id}/fulfilment/cancel}. */
        CANCEL,
        /** {@code POST /inventory/{id}/deliveries}. */
        DELIVERY,
        /** A placement sent once more after the run, to see that its key still answers with the same order. */
        REPLAY
    }

    /**
     * One try.
     *
     * @param startedAt   {@link System#nanoTime()} when it was sent
     * @param endedAt     when its answer or failure came
     * @param status      the HTTP status, or -1 when nothing was answered
     * @param contentType the answer's content type, or {@code null}
     * @param problemType a problem answer's {@code type}, or {@code null}
     * @param failure     why nothing was answered (connection refused, reset, time-out), or {@code null}
     * @param body        the answer's body, or {@code null}
     */
    record Attempt(long startedAt, long endedAt, int status, String contentType, String problemType, String failure,
                   String body) {

        private static final JsonMapper JSON = JsonMapper.builder().build();

        /** True when the request may or may not have taken effect: it must be sent again. */
        boolean unknown() {
            return status < 0 || status >= 500
                    || (status == 409 && problemType != null && problemType.endsWith("idempotency-in-progress"));
        }

        boolean isProblem() {
            return contentType != null && contentType.startsWith("application/problem+json");
        }

        JsonNode json() {
            return JSON.readTree(body);
        }

        /** The answer in a few words, for reports: {@code 201}, {@code 503 store-unavailable}, {@code refused}. */
        String summary() {
            if (status < 0) {
                return failure;
            }
            String type = problemType == null ? "" : " " + problemType.substring(problemType.lastIndexOf('/') + 1);
            return status + type;
        }
    }

    private final Kind kind;
    private final String key;
    private final String method;
    private final String path;
    private final String body;
    private final String target;
    private final int quantity;
    private final List<Attempt> attempts = new ArrayList<>();

    /**
     * @param target   the order or product it acts on ({@code null} for a placement, whose order id follows from the
     *                 key)
     * @param quantity units added or delivered, 0 otherwise
     */
    Exchange(Kind kind, String key, String method, String path, String body, String target, int quantity) {
        this.kind = kind;
        this.key = key;
        this.method = method;
        this.path = path;
        this.body = body;
        this.target = target;
        this.quantity = quantity;
    }

    Attempt record(Attempt attempt) {
        attempts.add(attempt);
        return attempt;
    }

    Kind kind() {
        return kind;
    }

    String key() {
        return key;
    }

    String method() {
        return method;
    }

    String path() {
        return path;
    }

    String body() {
        return body;
    }

    String target() {
        return target;
    }

    int quantity() {
        return quantity;
    }

    List<Attempt> attempts() {
        return attempts;
    }

    /** The definitive answer, or {@code null} when the customer gave up before one came. */
    Attempt answer() {
        Attempt last = attempts.isEmpty() ? null : attempts.getLast();
        return last == null || last.unknown() ? null : last;
    }

    /** The answer's status, or -1 when there was none. */
    int answered() {
        Attempt answer = answer();
        return answer == null ? -1 : answer.status();
    }

    /** The request and its attempts' answers, repeats counted ({@code 503 store-unavailable x4, 201}), for reports. */
    String describe() {
        StringBuilder text = new StringBuilder(kind + " " + method + " " + path + " key " + key + ":");
        String previous = null;
        int repeats = 0;
        for (Attempt attempt : attempts) {
            String summary = attempt.summary();
            if (summary.equals(previous)) {
                repeats++;
                continue;
            }
            appendRun(text, previous, repeats);
            previous = summary;
            repeats = 1;
        }
        appendRun(text, previous, repeats);
        return text.toString();
    }

    private static void appendRun(StringBuilder text, String summary, int repeats) {
        if (summary != null) {
            text.append(text.charAt(text.length() - 1) == ':' ? " " : ", ").append(summary)
                    .append(repeats > 1 ? " x" + repeats : "");
        }
    }
}
