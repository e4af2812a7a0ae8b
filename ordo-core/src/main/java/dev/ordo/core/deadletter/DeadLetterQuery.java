package dev.ordo.core.deadletter;

/**
 * Which letters {@link DeadLetterStore#list} returns: optionally only one origin's and only those in one status, one
 * page at a time, in the order the letters were opened. Immutable.
 *
 * @param origin only this origin's letters, or {@code null} for every origin
 * @param status only letters in this status, or {@code null} for every status
 * @param offset how many matching letters to skip; a page past the last letter is empty
 * @param limit  the most letters to return, 1 to {@value #MAX_LIMIT}
 * @throws IllegalArgumentException when the offset is negative or the limit out of range
 */
public record DeadLetterQuery(Origin origin, DeadLetterStatus status, long offset, int limit) {

    /** The largest page. */
    public static final int MAX_LIMIT = 1_000;

    public DeadLetterQuery {
        if (offset < 0) {
            throw new IllegalArgumentException("offset must not be negative, was " + offset);
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1 to " + MAX_LIMIT + ", was " + limit);
        }
    }

    /** The first 100 letters of every origin and status. */
    public static DeadLetterQuery all() {
        return new DeadLetterQuery(null, null, 0, 100);
    }

    public DeadLetterQuery withOrigin(Origin value) {
        return new DeadLetterQuery(value, status, offset, limit);
    }

    public DeadLetterQuery withStatus(DeadLetterStatus value) {
        return new DeadLetterQuery(origin, value, offset, limit);
    }

    /**
     * Page {@code page} (from 0) of {@code size} letters; every page an {@code int} can number is a valid query.
     *
     * @throws IllegalArgumentException when the page is negative or the size out of range
     */
    public DeadLetterQuery page(int page, int size) {
        if (page < 0) {
            throw new IllegalArgumentException("page must not be negative, was " + page);
        }
        return new DeadLetterQuery(origin, status, (long) page * size, size);
    }
}
