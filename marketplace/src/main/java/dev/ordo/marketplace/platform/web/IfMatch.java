package dev.ordo.marketplace.platform.web;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the stream version from an {@code If-Match} header: {@code "3"}, {@code W/"3"} or {@code 3}. */
public final class IfMatch {

    private static final Pattern VERSION = Pattern.compile("^(?:W/)?\"?(\\d{1,18})\"?$");

    private IfMatch() {
    }

    /**
     * @return the version, or {@code null} when the header is absent
     * @throws InvalidHeaderException when the header is present but not a version
     */
    public static Long version(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        Matcher matcher = VERSION.matcher(header.strip());
        if (!matcher.matches()) {
            throw new InvalidHeaderException("If-Match", "must be the order's version as an entity tag, like \"3\"");
        }
        return Long.parseLong(matcher.group(1));
    }

    /** The entity tag of a version. */
    public static String etag(long version) {
        return "\"" + version + "\"";
    }

    /** A request header that cannot be understood. */
    public static final class InvalidHeaderException extends RuntimeException {
        private final String header;

        public InvalidHeaderException(String header, String rule) {
            super("header " + header + " " + rule);
            this.header = header;
        }

        public String header() {
            return header;
        }
    }
}
