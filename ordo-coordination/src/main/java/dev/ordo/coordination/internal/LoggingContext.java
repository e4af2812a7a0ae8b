package dev.ordo.coordination.internal;

import java.util.Map;
import java.util.concurrent.Callable;
import org.slf4j.MDC;

/**
 * Carries the caller's SLF4J MDC (correlation ids and the like) into the virtual threads a run starts, so a step's
 * log lines carry the same context as the request that started it. Thread-safe.
 */
public final class LoggingContext {

    private final Map<String, String> captured;

    private LoggingContext(Map<String, String> captured) {
        this.captured = captured;
    }

    /** The calling thread's MDC now. */
    public static LoggingContext capture() {
        return new LoggingContext(MDC.getCopyOfContextMap());
    }

    /** Runs the action with the captured MDC installed, then restores the thread's own. */
    public <T> T call(Callable<T> action) throws Exception {
        Map<String, String> previous = MDC.getCopyOfContextMap();
        install(captured);
        try {
            return action.call();
        } finally {
            install(previous);
        }
    }

    /** The action, to be run on another thread with the captured MDC. */
    public <T> Callable<T> wrap(Callable<T> action) {
        return () -> call(action);
    }

    private static void install(Map<String, String> context) {
        if (context == null) {
            MDC.clear();
        } else {
            MDC.setContextMap(context);
        }
    }
}
