package dev.ordo.core.deadletter;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Objects;
import java.util.Set;

/**
 * Why a message is a dead letter: the error's class name and message and its stack trace, each cut to a sane
 * length so that one bad message cannot bloat the store. The stack trace of {@link #of(Throwable)} shows the first
 * {@value #MAX_FRAMES} frames of the error and of each of its causes, so that a deep call stack cannot crowd out the
 * cause. A message that did not fail itself but waits behind one of
 * the same key that did (see {@code PoisonPolicy.STOP_STREAM}) has the type {@value #HELD_BACK}.
 *
 * @param type       the error's class name, or {@value #HELD_BACK}
 * @param message    the error's message, at most {@value #MAX_MESSAGE} characters, or {@code null}
 * @param stackTrace the stack trace with its causes, at most {@value #MAX_STACK_TRACE} characters, or {@code null}
 */
public record Failure(String type, String message, String stackTrace) {

    /** The longest error message kept. */
    public static final int MAX_MESSAGE = 2_000;
    /** The longest stack trace kept; its first lines name the error and where it was thrown. */
    public static final int MAX_STACK_TRACE = 8_000;
    /** The most stack frames kept per error of the cause chain. */
    public static final int MAX_FRAMES = 30;
    /** The type of a letter held back behind another one of its key. */
    public static final String HELD_BACK = "ordo.held-back";

    private static final String CUT = "\n... (truncated)";

    public Failure {
        Objects.requireNonNull(type, "type");
        message = cut(message, MAX_MESSAGE);
        stackTrace = cut(stackTrace, MAX_STACK_TRACE);
    }

    /** The failure of an error, with its stack trace. */
    public static Failure of(Throwable error) {
        StringBuilder trace = new StringBuilder();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = error; t != null && seen.add(t); t = t.getCause()) {
            trace.append(t == error ? "" : "Caused by: ").append(t).append('\n');
            StackTraceElement[] frames = t.getStackTrace();
            int shown = Math.min(frames.length, MAX_FRAMES);
            for (int i = 0; i < shown; i++) {
                trace.append("\tat ").append(frames[i]).append('\n');
            }
            if (frames.length > shown) {
                trace.append("\t... ").append(frames.length - shown).append(" more\n");
            }
        }
        return new Failure(error.getClass().getName(), error.getMessage(), trace.toString());
    }

    /** The failure of a message that waits behind another of the same key, with the reason. */
    public static Failure heldBack(String reason) {
        return new Failure(HELD_BACK, reason, null);
    }

    /** True for a message that did not fail itself but waits behind another one. */
    public boolean isHeldBack() {
        return HELD_BACK.equals(type);
    }

    /** {@code type: message}, or only the type when there is no message. */
    public String summary() {
        return message == null ? type : type + ": " + message;
    }

    private static String cut(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        return text.substring(0, max - CUT.length()) + CUT;
    }
}
