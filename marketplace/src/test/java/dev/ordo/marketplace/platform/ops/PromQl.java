package dev.ordo.marketplace.platform.ops;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The metric names a PromQL expression reads. A small tokenizer, not a parser: it drops string literals, Grafana
 * variables ({@code $__rate_interval}, {@code ${job}}), label matchers ({@code {...}}), ranges and subqueries
 * ({@code [...]}), and the label lists of {@code by}, {@code without}, {@code on}, {@code ignoring},
 * {@code group_left} and {@code group_right}; then every identifier left is a metric name unless it is followed by
 * {@code (} (a function or an aggregation) or is a keyword. Numbers and durations ({@code 0.99}, {@code 5m},
 * {@code 1h30m}) are skipped. Histogram series are named as Prometheus stores them ({@code x_seconds_bucket}).
 * Stateless and thread-safe.
 */
public final class PromQl {

    private static final Pattern STRINGS = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'|`[^`]*`");
    private static final Pattern VARIABLES = Pattern.compile("\\$\\{[^}]*}|\\$\\w+|\\[\\[\\w+(?::\\w+)?]]");
    private static final Pattern MATCHERS = Pattern.compile("\\{[^}]*}");
    private static final Pattern RANGES = Pattern.compile("\\[[^\\]]*]");
    private static final Pattern LABEL_LISTS = Pattern.compile(
            "\\b(?:by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
    private static final Pattern TOKENS = Pattern.compile(
            "(?<number>(?:0x[0-9a-fA-F]+|\\d+(?:\\.\\d*)?(?:[eE][+-]?\\d+)?|\\.\\d+)"
                    + "(?:ms|[smhdwy])?(?:\\d+(?:ms|[smhdwy]))*)"
                    + "|(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(?<call>\\s*\\()?");
    private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "by", "without", "on", "ignoring",
            "group_left", "group_right", "bool", "offset", "atan2", "inf", "nan");

    private PromQl() {
    }

    /**
     * The metric names the expression reads, in the order they first appear, each once.
     *
     * @throws IllegalArgumentException when the expression is blank
     */
    public static Set<String> metricNames(String expression) {
        if (expression == null || expression.isBlank()) {
            throw new IllegalArgumentException("a PromQL expression must not be blank, was '" + expression + "'");
        }
        String text = STRINGS.matcher(expression).replaceAll(" ");
        text = VARIABLES.matcher(text).replaceAll(" ");
        text = MATCHERS.matcher(text).replaceAll(" ");
        text = RANGES.matcher(text).replaceAll(" ");
        text = LABEL_LISTS.matcher(text).replaceAll(" ");
        Set<String> names = new LinkedHashSet<>();
        Matcher token = TOKENS.matcher(text);
        while (token.find()) {
            String name = token.group("name");
            if (name != null && token.group("call") == null && !KEYWORDS.contains(name.toLowerCase())) {
                names.add(name);
            }
        }
        return names;
    }
}
