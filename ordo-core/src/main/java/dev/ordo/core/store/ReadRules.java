package dev.ordo.core.store;

/** The input rules of reads, applied the same way by every backend. Stateless. */
public final class ReadRules {

    private ReadRules() {
    }

    /**
     * @throws IllegalArgumentException when the page size is outside 1 to {@link EventReader#MAX_PAGE}
     */
    public static void checkLimit(int limit) {
        if (limit < 1 || limit > EventReader.MAX_PAGE) {
            throw new IllegalArgumentException("a read returns 1 to " + EventReader.MAX_PAGE + " events, asked for " + limit);
        }
    }

    /**
     * @throws IllegalArgumentException when a version or position is negative
     */
    public static void checkFrom(String what, long from) {
        if (from < 0) {
            throw new IllegalArgumentException(what + " must be 0 or more, was " + from);
        }
    }

    /** Validates the arguments of {@link EventReader#readStream}. */
    public static void checkStreamRead(Object stream, ReadDirection direction, long fromVersion, int limit) {
        if (stream == null || direction == null) {
            throw new IllegalArgumentException("a stream read needs a stream id and a direction");
        }
        checkFrom("fromVersion", fromVersion);
        checkLimit(limit);
    }

    /** Validates the arguments of {@link EventReader#readAll}. */
    public static void checkAllRead(long fromPosition, int limit, EventFilter filter) {
        if (filter == null) {
            throw new IllegalArgumentException("a read of $all needs a filter; use EventFilter.all()");
        }
        checkFrom("fromPosition", fromPosition);
        checkLimit(limit);
    }
}
