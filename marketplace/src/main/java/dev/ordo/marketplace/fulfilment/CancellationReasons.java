package dev.ordo.marketplace.fulfilment;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns why a fulfilment saga compensates (its {@code failure}, as the saga engine words it) into the reason the
 * order is cancelled with, so the order's own history says why: {@code step take-payment failed:
 * NonRetryableStepException: payment declined: card declined} becomes {@code payment declined: card declined}. Pure.
 */
public final class CancellationReasons {

    private static final Pattern FAILED = Pattern.compile("step ([a-z0-9-]+) failed: (?:[A-Za-z0-9_$.]+: )?(.*)",
            Pattern.DOTALL);
    private static final Pattern TIMED_OUT = Pattern.compile("step ([a-z0-9-]+) timed out: (.*)", Pattern.DOTALL);
    private static final Pattern UNKNOWN = Pattern.compile("step ([a-z0-9-]+) has an unknown outcome: (.*)",
            Pattern.DOTALL);
    private static final int MAX_LENGTH = 500;

    private CancellationReasons() {
    }

    /** The cancellation reason for a saga failure; a generic one when the failure is unknown. */
    public static String from(String failure) {
        if (failure == null || failure.isBlank()) {
            return "order fulfilment failed";
        }
        String reason;
        Matcher failed = FAILED.matcher(failure);
        Matcher timedOut = TIMED_OUT.matcher(failure);
        Matcher unknown = UNKNOWN.matcher(failure);
        if (failure.startsWith("cancelled: ")) {
            reason = "fulfilment cancelled: " + failure.substring("cancelled: ".length());
        } else if (failed.matches()) {
            reason = failed.group(2).isBlank() ? "order fulfilment failed at step " + failed.group(1)
                    : failed.group(2);
        } else if (timedOut.matches()) {
            reason = "order fulfilment timed out at step " + timedOut.group(1) + ": " + timedOut.group(2);
        } else if (unknown.matches()) {
            reason = "order fulfilment gave up at step " + unknown.group(1) + ": " + unknown.group(2);
        } else {
            reason = "order fulfilment failed: " + failure;
        }
        return reason.length() > MAX_LENGTH ? reason.substring(0, MAX_LENGTH - 3) + "..." : reason;
    }
}
