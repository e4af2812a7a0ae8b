package dev.ordo.marketplace;

import java.util.List;

/**
 * JSON tokens and query values that a careless parser, validator or database chokes on: numbers with absurd exponents
 * or beyond every integer type, non-numbers, odd Unicode (lone surrogates, right-to-left overrides, zero-width and NUL
 * characters, 100,000-character strings), wrong types, and structures nested deeper than any stack. Every token is
 * raw JSON text, so that tokens that are not valid JSON ({@code NaN}) can be sent too. Shared by the HTTP fuzzing of
 * the API and the decoders' robustness tests.
 */
public final class HostileValues {

    public static final List<String> NUMBERS = List.of("1e999999999", "-1e999999999", "1E+99999999", "-0", "-0.0",
            "1e-999999", "9223372036854775808", "-9223372036854775809", "2147483648", "-2147483649", "0.1e1",
            "1.0000000000000000000001", "123456789012345678901234567890", "1" + "0".repeat(999), "NaN", "Infinity",
            "-Infinity", "0x10", "01", "1_000", "1e", ".5", "\"NaN\"", "\"1e999999999\"", "\"-0\"");

    public static final List<String> STRINGS = List.of("\"\"", "\" \"", "\"\\u0000\"", "\"EUR\\u0000\"", "\"\\ud800\"",
            "\"\\udfff\\ud800\"", "\"\\u202eevil\\u202c\"", "\"\\u200b\\u200c\\u200d\\ufeff\"",
            "\"" + "x".repeat(100_000) + "\"", "\"" + "é".repeat(50_000) + "\"", "\"\ud83d\udca9\u0301\u0301\u0301\"",
            "\"../../etc/passwd\"", "\"<script>alert(1)</script>\"", "\"' OR '1'='1\"", "\"%00\"", "\"\\n\\r\\t\"",
            "\"\\\\\"", "\"\u0645\u0631\u062d\u0628\u0627\"", "\"\\uffff\\ufffe\"");

    public static final List<String> TYPES = List.of("true", "false", "null", "[]", "{}", "[null]", "{\"a\":null}",
            "[1,2,3]", "{\"$ref\":\"#/x\"}");

    public static final List<String> DEEP = List.of("[".repeat(100_000) + "]".repeat(100_000),
            "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000), "[".repeat(400) + "1" + "]".repeat(400));

    /** Whole bodies that are not the JSON of any request. */
    public static final List<String> MALFORMED = List.of("", " ", "{", "}", "{\"a\":", "{'a':1}", "{\"a\":1,}", "[1,]",
            "{\"a\":1}{\"b\":2}", "{\"a\":1} trailing", "/* comment */ {}", "\ufeff{}", "{\"a\":1,\"a\":2}", "nul",
            "tru", "\"unterminated", "{\"a\":\"\\x41\"}", "{\"a\":\"\\u12\"}");

    /** Query and path values. */
    public static final List<String> PARAMETERS = List.of("", " ", "-1", "0", "2147483647", "2147483648", "-2147483649",
            "9223372036854775808", "1e999999999", "1e3", "NaN", "-0", "0x10", "null", "true", "%", "%00", "..",
            "\u0000", "subscription:\u0000", "a\u0000b", "../..", "x".repeat(5_000), "é", "\ud83d\udca9", "\u202e",
            "' OR '1'='1", "<script>", "00000000-0000-0000-0000-000000000000", "01A20000-0000-7000-8000-000000000000",
            "01a20000-0000-7000-8000-00000000000", "2026-02-30", "9999-12-31", "-999999999-01-01", "PARKED", "parked");

    /** Values of the headers the API reads (the HTTP client refuses control characters in them). */
    public static final List<String> HEADERS = List.of("", "*", "\"-1\"", "\"0\"", "W/\"1\"",
            "\"99999999999999999999\"", "\"1\", \"2\"", "1", "\"abc\"", "x".repeat(5_000), "%00", "\u00e9");

    /** Content types a JSON endpoint must refuse or read correctly. */
    public static final List<String> CONTENT_TYPES = List.of("text/plain", "application/xml", "multipart/form-data",
            "application/x-www-form-urlencoded", "application/json; charset=utf-16", "application/json; charset=x-nope",
            "application/octet-stream", "application/*", "*/*", "application/json;;;", "json");

    /** A single JSON value, of any of the kinds above. */
    public static List<String> values() {
        return List.of(NUMBERS, STRINGS, TYPES, DEEP).stream().flatMap(List::stream).toList();
    }

    private HostileValues() {
    }
}
