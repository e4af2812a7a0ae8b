package dev.ordo.marketplace.platform.ops;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The metrics that the Grafana dashboard ({@value #DASHBOARD}) and the Prometheus alert rules ({@value #ALERTS}) name,
 * and the names a Prometheus scrape exports, so that a test can hold one against the other. Stateless and thread-safe.
 */
public final class OpsMetrics {

    /** The dashboard, from the repository's root. */
    public static final String DASHBOARD = "deploy/grafana/marketplace-dashboard.json";
    /** The alert rules, from the repository's root. */
    public static final String ALERTS = "deploy/prometheus/alerts.yml";

    /** Series that Prometheus itself makes for every target: no application exports them. */
    private static final Set<String> PROMETHEUS_OWN = Set.of("up");
    /**
     * The prefix of the outbox relay's meters ({@code ordo-kafka}'s {@code RelayMetrics}): they exist only where the
     * relay runs ({@code ordo.kafka.relay.enabled=true}, the services of the distributed mode), never in the embedded
     * marketplace.
     */
    private static final String RELAY = "ordo_relay_";

    private static final Pattern LABEL_VALUES = Pattern.compile("^\\s*label_values\\((.*),\\s*\\w+\\s*\\)\\s*$",
            Pattern.DOTALL);
    private static final Pattern QUERY_RESULT = Pattern.compile("^\\s*query_result\\((.*)\\)\\s*$", Pattern.DOTALL);

    /** An expression and where it is written, for messages. */
    public record Query(String where, String expression) {
    }

    private OpsMetrics() {
    }

    /** True for the metrics only the distributed mode's services export (the outbox relay's). */
    public static boolean distributedOnly(String metric) {
        return metric.startsWith(RELAY);
    }

    /** True for the series Prometheus makes itself ({@code up}). */
    public static boolean prometheusOwn(String metric) {
        return PROMETHEUS_OWN.contains(metric);
    }

    /**
     * Every metric the dashboard and the alert rules read, sorted, with where each is named; names that a recording
     * rule of the alert file defines are left out.
     *
     * @throws UncheckedIOException when a file cannot be read
     */
    public static Map<String, Set<String>> named() {
        Path root = root();
        List<Query> queries = new ArrayList<>(dashboardQueries(read(root.resolve(DASHBOARD))));
        String rules = read(root.resolve(ALERTS));
        queries.addAll(ruleQueries(rules));
        Set<String> recorded = recordedNames(rules);
        Map<String, Set<String>> named = new TreeMap<>();
        for (Query query : queries) {
            for (String metric : PromQl.metricNames(query.expression())) {
                if (!recorded.contains(metric)) {
                    named.computeIfAbsent(metric, m -> new LinkedHashSet<>()).add(query.where());
                }
            }
        }
        return named;
    }

    /**
     * The expressions of a Grafana dashboard: every panel's targets (rows' nested panels too) and the queries of its
     * template variables ({@code label_values(selector, label)}, {@code query_result(expression)}).
     *
     * @throws IllegalArgumentException when a variable's query is of another form, or a target has no expression
     */
    public static List<Query> dashboardQueries(String json) {
        JsonNode dashboard = JsonMapper.builder().build().readTree(json);
        List<Query> queries = new ArrayList<>();
        panelQueries(dashboard.path("panels"), queries);
        for (JsonNode variable : dashboard.path("templating").path("list")) {
            if (variable.path("type").asString("").equals("query")) {
                JsonNode query = variable.path("query");
                String text = query.isObject() ? query.path("query").asString("") : query.asString("");
                variableQuery(variable.path("name").asString(""), text).ifPresent(queries::add);
            }
        }
        return queries;
    }

    /** The {@code expr} of every rule, alerting or recording, of a Prometheus rule file. */
    public static List<Query> ruleQueries(String yaml) {
        List<Query> queries = new ArrayList<>();
        for (Map<String, Object> rule : rules(yaml)) {
            String name = rule.containsKey("alert") ? "alert " + rule.get("alert") : "record " + rule.get("record");
            queries.add(new Query(name, String.valueOf(rule.get("expr"))));
        }
        return queries;
    }

    /**
     * The names of the samples of a scrape in the Prometheus text format, as Prometheus stores them: a histogram's
     * {@code _bucket}, {@code _count} and {@code _sum}, a counter's {@code _total}.
     */
    public static Set<String> exportedNames(String scrape) {
        Set<String> names = new HashSet<>();
        for (String line : scrape.split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                int end = 0;
                while (end < line.length() && line.charAt(end) != '{' && line.charAt(end) != ' ') {
                    end++;
                }
                names.add(line.substring(0, end));
            }
        }
        return names;
    }

    /** The named metrics that are not exported, each with where it is named, for an assertion's message. */
    public static List<String> missing(Map<String, Set<String>> named, Set<String> exported) {
        return named.entrySet().stream().filter(e -> !exported.contains(e.getKey()))
                .map(e -> e.getKey() + " (named in " + String.join(", ", e.getValue()) + ")").toList();
    }

    private static void panelQueries(JsonNode panels, List<Query> queries) {
        for (JsonNode panel : panels) {
            String where = "panel '" + panel.path("title").asString("") + "'";
            for (JsonNode target : panel.path("targets")) {
                String expression = target.path("expr").asString("");
                if (expression.isBlank()) {
                    throw new IllegalArgumentException(where + " has a target without a PromQL expr: " + target);
                }
                queries.add(new Query(where, expression));
            }
            panelQueries(panel.path("panels"), queries);
        }
    }

    private static Optional<Query> variableQuery(String name, String text) {
        String where = "variable '" + name + "'";
        Matcher labelValues = LABEL_VALUES.matcher(text);
        if (labelValues.matches()) {
            return Optional.of(new Query(where, labelValues.group(1)));
        }
        Matcher queryResult = QUERY_RESULT.matcher(text);
        if (queryResult.matches()) {
            return Optional.of(new Query(where, queryResult.group(1)));
        }
        if (text.matches("^\\s*label_values\\(\\s*\\w+\\s*\\)\\s*$")) {
            return Optional.empty();
        }
        throw new IllegalArgumentException(where + " has a query this check cannot read: '" + text + "'");
    }

    private static Set<String> recordedNames(String yaml) {
        Set<String> names = new HashSet<>();
        for (Map<String, Object> rule : rules(yaml)) {
            if (rule.containsKey("record")) {
                names.add(String.valueOf(rule.get("record")));
            }
        }
        return names;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> rules(String yaml) {
        Map<String, Object> file = new Yaml().load(yaml);
        List<Map<String, Object>> rules = new ArrayList<>();
        for (Map<String, Object> group : (List<Map<String, Object>>) file.getOrDefault("groups", List.of())) {
            rules.addAll((List<Map<String, Object>>) group.getOrDefault("rules", List.of()));
        }
        return rules;
    }

    /** The repository's root: the nearest folder at or above the working directory that holds the dashboard. */
    private static Path root() {
        for (Path folder = Path.of("").toAbsolutePath(); folder != null; folder = folder.getParent()) {
            if (Files.isRegularFile(folder.resolve(DASHBOARD))) {
                return folder;
            }
        }
        throw new IllegalStateException("no " + DASHBOARD + " at or above " + Path.of("").toAbsolutePath());
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
