package dev.ordo.core.store;

/**
 * What the writer expects of a stream's version when it appends. A mismatch is a
 * {@link WrongExpectedVersionException} and nothing is written.
 *
 * <p>The version of a stream is the version of its last event (0 before the first). A soft-deleted stream keeps
 * its version but counts as absent for {@link NoStream} and {@link StreamExists}.
 */
public sealed interface ExpectedVersion {

    /** Append whatever the stream's version. */
    record Any() implements ExpectedVersion {
        @Override
        public String toString() {
            return "any";
        }
    }

    /** The stream must have no visible events: never written, or soft-deleted. */
    record NoStream() implements ExpectedVersion {
        @Override
        public String toString() {
            return "no stream";
        }
    }

    /** The stream must exist and not be soft-deleted. */
    record StreamExists() implements ExpectedVersion {
        @Override
        public String toString() {
            return "stream exists";
        }
    }

    /** The stream must be at exactly this version; {@code exact(0)} means "no events ever". */
    record Exact(long version) implements ExpectedVersion {
        public Exact {
            if (version < 0) {
                throw new IllegalArgumentException("an expected version must be 0 or more, was " + version);
            }
        }

        @Override
        public String toString() {
            return Long.toString(version);
        }
    }

    static ExpectedVersion any() {
        return new Any();
    }

    static ExpectedVersion noStream() {
        return new NoStream();
    }

    static ExpectedVersion streamExists() {
        return new StreamExists();
    }

    static ExpectedVersion exact(long version) {
        return new Exact(version);
    }

    /**
     * Whether a stream in the given state satisfies this expectation.
     *
     * @param current the stream's state, or {@code null} when it was never written
     */
    default boolean isSatisfiedBy(StreamInfo current) {
        long version = current == null ? 0 : current.version();
        boolean visible = current != null && current.status() == StreamStatus.ACTIVE && version > 0;
        return switch (this) {
            case Any any -> true;
            case NoStream noStream -> !visible;
            case StreamExists exists -> visible;
            case Exact exact -> exact.version() == version;
        };
    }
}
