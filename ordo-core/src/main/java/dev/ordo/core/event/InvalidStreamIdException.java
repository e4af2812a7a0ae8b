package dev.ordo.core.event;

/** A stream id broke one of the rules of {@link StreamId}. Nothing was read or written. */
public final class InvalidStreamIdException extends IllegalArgumentException {

    private final String streamId;

    public InvalidStreamIdException(String streamId, String rule) {
        super("invalid stream id " + (streamId == null ? "null" : "'" + abbreviate(streamId) + "'") + ": " + rule);
        this.streamId = streamId;
    }

    /** The rejected stream id, possibly {@code null}. */
    public String streamId() {
        return streamId;
    }

    private static String abbreviate(String value) {
        return value.length() <= 60 ? value : value.substring(0, 57) + "...";
    }
}
