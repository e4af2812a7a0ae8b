package dev.ordo.core.trace;

/**
 * A W3C trace context as its {@code traceparent} header carries it: {@code 00-<trace id>-<span id>-<flags>}, with a
 * trace id of 32 and a span id of 16 lowercase hex digits, neither all zeros.
 *
 * @param traceId 32 lowercase hex digits
 * @param spanId  16 lowercase hex digits: the span that is the parent of what continues this context
 * @param sampled whether the trace is recorded (flag {@code 01})
 */
public record TraceParent(String traceId, String spanId, boolean sampled) {

    private static final int LENGTH = 55;

    public TraceParent {
        if (!isId(traceId, 32) || !isId(spanId, 16)) {
            throw new IllegalArgumentException("a trace id is 32 and a span id 16 lowercase hex digits, not all zeros; "
                    + "were '" + traceId + "' and '" + spanId + "'");
        }
    }

    /**
     * The context a {@code traceparent} value names, or {@code null} when the value is {@code null} or not a valid
     * version-00 header (a malformed context is ignored, as the W3C specification asks of receivers).
     */
    public static TraceParent parse(String value) {
        if (value == null || value.length() != LENGTH || !value.startsWith("00-") || value.charAt(35) != '-'
                || value.charAt(52) != '-') {
            return null;
        }
        String traceId = value.substring(3, 35);
        String spanId = value.substring(36, 52);
        String flags = value.substring(53);
        if (!isId(traceId, 32) || !isId(spanId, 16) || !isHex(flags)) {
            return null;
        }
        return new TraceParent(traceId, spanId, (Integer.parseInt(flags, 16) & 1) == 1);
    }

    /**
     * Whether the value is a valid {@code traceparent} of a trace that is not sampled. Allocates nothing, so that work
     * on an unsampled trace can be passed over cheaply.
     */
    public static boolean isUnsampled(String value) {
        if (value == null || value.length() != LENGTH || !value.startsWith("00-") || value.charAt(35) != '-'
                || value.charAt(52) != '-' || !isHex(value, 3, 35) || !isHex(value, 36, 52) || !isHex(value, 53, 55)
                || isZeros(value, 3, 35) || isZeros(value, 36, 52)) {
            return false;
        }
        return (Character.digit(value.charAt(54), 16) & 1) == 0;
    }

    /**
     * The trace id of a {@code traceparent} value, without checking the rest; {@code null} when the value is too
     * short to hold one.
     */
    public static String traceIdOf(String value) {
        return value == null || value.length() < 35 ? null : value.substring(3, 35);
    }

    /** Whether two {@code traceparent} values belong to the same trace (both {@code null}: no). */
    public static boolean sameTrace(String a, String b) {
        return a != null && b != null && a.length() >= 35 && b.length() >= 35 && a.regionMatches(3, b, 3, 32);
    }

    /** The {@code traceparent} header value. */
    public String value() {
        return "00-" + traceId + "-" + spanId + (sampled ? "-01" : "-00");
    }

    @Override
    public String toString() {
        return value();
    }

    private static boolean isId(String id, int length) {
        return id != null && id.length() == length && isHex(id) && id.chars().anyMatch(c -> c != '0');
    }

    private static boolean isHex(String s) {
        return isHex(s, 0, s.length());
    }

    private static boolean isHex(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }

    private static boolean isZeros(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (s.charAt(i) != '0') {
                return false;
            }
        }
        return true;
    }
}
