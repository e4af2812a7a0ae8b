package dev.ordo.core.bus.command;

import dev.ordo.core.store.EventStoreException;
import dev.ordo.core.store.WrongExpectedVersionException;
import java.util.Locale;
import java.util.concurrent.CancellationException;

/** How a command ended, as logs and metrics report it. */
enum Outcome {

    /** The handler returned. */
    SUCCESS,
    /** A domain rule refused the command: any runtime exception not listed under the other outcomes. */
    REJECTED,
    /** Another writer changed the stream first ({@link WrongExpectedVersionException}). */
    CONFLICT,
    /**
     * Infrastructure failed: any other {@link EventStoreException}, a {@link LockTimeoutException}, an interrupted
     * wait ({@link CancellationException}) or an {@link Error}.
     */
    ERROR;

    static Outcome of(Throwable failure) {
        return switch (failure) {
            case WrongExpectedVersionException conflict -> CONFLICT;
            case EventStoreException store -> ERROR;
            case LockTimeoutException timeout -> ERROR;
            case CancellationException cancelled -> ERROR;
            case RuntimeException rejection -> REJECTED;
            default -> ERROR;
        };
    }

    /** The lower-case name used as a metric tag and in log lines. */
    String tag() {
        return name().toLowerCase(Locale.ROOT);
    }
}
