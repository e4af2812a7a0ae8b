package dev.ordo.core.event;

import java.util.Objects;

/**
 * The name of an event stream, such as {@code order-7f3c2a}.
 *
 * <p>A valid stream id is 1 to {@value #MAX_LENGTH} characters of ASCII letters, digits and {@code - _ . : @ + = /},
 * and does not start with {@code $} (reserved for system streams such as {@code $all}). Its <em>category</em> is
 * the part before the first {@code -} (the whole id when there is none), so {@code order-42} belongs to
 * {@code order}.
 *
 * @param value the stream name
 * @throws InvalidStreamIdException when the name breaks one of the rules above
 */
public record StreamId(String value) implements Comparable<StreamId> {

    /** The longest stream id accepted. */
    public static final int MAX_LENGTH = 200;

    public StreamId {
        validate(value);
    }

    /** Returns the stream id with the given name. */
    public static StreamId of(String value) {
        return new StreamId(value);
    }

    /** Returns the stream id {@code category + "-" + id}. */
    public static StreamId of(String category, Object id) {
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(id, "id");
        return new StreamId(category + "-" + id);
    }

    /** The part before the first {@code -}, or the whole id when it has none. */
    public String category() {
        return categoryOf(value);
    }

    /** The part after the first {@code -}, or the empty string when it has none. */
    public String idPart() {
        int dash = value.indexOf('-');
        return dash < 0 ? "" : value.substring(dash + 1);
    }

    /** The category of a valid stream name, as {@link #category()}. */
    public static String categoryOf(String value) {
        int dash = value.indexOf('-');
        return dash < 0 ? value : value.substring(0, dash);
    }

    @Override
    public int compareTo(StreamId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }

    private static void validate(String value) {
        if (value == null) {
            throw new InvalidStreamIdException(null, "a stream id is required");
        }
        if (value.isEmpty()) {
            throw new InvalidStreamIdException(value, "a stream id must not be empty");
        }
        if (value.length() > MAX_LENGTH) {
            throw new InvalidStreamIdException(value,
                    "a stream id must be at most " + MAX_LENGTH + " characters, this one has " + value.length());
        }
        if (value.charAt(0) == '$') {
            throw new InvalidStreamIdException(value, "stream ids starting with '$' are reserved for system streams");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!allowed(c)) {
                throw new InvalidStreamIdException(value, "character '" + printable(c) + "' at index " + i
                        + " is not allowed; use ASCII letters, digits and - _ . : @ + = /");
            }
        }
    }

    private static boolean allowed(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '-' || c == '_' || c == '.' || c == ':' || c == '@' || c == '+' || c == '=' || c == '/';
    }

    private static String printable(char c) {
        return Character.isISOControl(c) || Character.isWhitespace(c) ? String.format("\\u%04x", (int) c) : String.valueOf(c);
    }
}
