package dev.ordo.marketplace.api;

import dev.ordo.marketplace.HostileValues;
import dev.ordo.test.faults.SeededFaults;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Requests for every operation of an OpenAPI document: one that fits the document (values drawn from each schema, ids
 * of things that exist where the caller knows some), and hostile variants of it, each changing one thing: a body
 * field, a missing or extra field, the whole body, malformed JSON, the content type, a path, query or header value.
 * Every choice comes from one {@link SeededFaults}, so a seed replays the same requests.
 */
final class OpenApiRequests {

    /** A parameter of an operation: in {@code path}, {@code query} or {@code header}. */
    record Parameter(String name, String in, JsonNode schema, boolean required) {
    }

    /** One operation of the document. */
    record Operation(String method, String path, List<Parameter> parameters, JsonNode body) {

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    /**
     * A request to send: the path with its query, headers as names and values alternating, and the body as bytes
     * ({@code null} for none) with its content type.
     */
    record Request(String method, String target, List<String> headers, byte[] body, String contentType,
                   String change) {

        @Override
        public String toString() {
            String shown = body == null ? "no body" : new String(body, StandardCharsets.UTF_8);
            return method + " " + abbreviate(target) + " " + headers.stream().map(OpenApiRequests::abbreviate).toList()
                    + " [" + contentType + "] " + abbreviate(shown) + " (" + change + ")";
        }
    }

    private static final String RAW = "__raw_json__";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final JsonNode document;
    private final SeededFaults random;
    private final Function<String, String> knownIds;

    /**
     * @param knownIds the id of something that exists for a parameter or field name ({@code productId},
     *                 {@code orderId}...), or {@code null} when the caller knows none
     */
    OpenApiRequests(JsonNode document, SeededFaults random, Function<String, String> knownIds) {
        this.document = document;
        this.random = random;
        this.knownIds = knownIds;
    }

    /**
     * Every operation of the document, in its order, but the event streams ({@code text/event-stream}): their answer
     * never ends, so it cannot be read whole ({@code SqliteLiveUpdatesIntegrationTests} covers them).
     */
    List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : document.get("paths").properties()) {
            for (Map.Entry<String, JsonNode> method : path.getValue().properties()) {
                JsonNode operation = method.getValue();
                if (operation.path("responses").path("200").path("content").has("text/event-stream")) {
                    continue;
                }
                List<Parameter> parameters = new ArrayList<>();
                operation.path("parameters").valueStream().forEach(p -> parameters.add(new Parameter(
                        p.get("name").asString(), p.get("in").asString(), resolve(p.path("schema")),
                        p.path("required").asBoolean(false))));
                JsonNode body = operation.path("requestBody").path("content").path("application/json").path("schema");
                operations.add(new Operation(method.getKey().toUpperCase(), path.getKey(), List.copyOf(parameters),
                        body.isMissingNode() ? null : resolve(body)));
            }
        }
        return operations;
    }

    /** A request the document describes as valid. */
    Request valid(Operation operation) {
        return build(operation, values(operation), body(operation), "application/json", List.of(), "valid");
    }

    /** A request with one hostile change. */
    Request hostile(Operation operation) {
        Map<String, String> values = values(operation);
        JsonNode body = body(operation);
        List<String> extraHeaders = new ArrayList<>();
        String contentType = "application/json";
        int kind = random.nextInt(9);
        String change;
        byte[] raw = null;
        switch (kind) {
            case 0 -> {
                String token = pick(HostileValues.values());
                change = "a field is " + abbreviate(token);
                body = replaceLeaf(body == null ? NODES.objectNode() : body, token);
            }
            case 1 -> {
                change = "a field is missing";
                body = removeField(body);
            }
            case 2 -> {
                String token = pick(HostileValues.values());
                change = "extra fields " + abbreviate(token);
                ObjectNode extended = body instanceof ObjectNode object ? object : NODES.objectNode();
                extended.put("unexpected" + random.nextInt(100), RAW + token);
                extended.putObject("__proto__").put("polluted", true);
                body = extended;
            }
            case 3 -> {
                String token = pick(HostileValues.values());
                change = "the body is " + abbreviate(token);
                raw = token.getBytes(StandardCharsets.UTF_8);
            }
            case 4 -> {
                change = "malformed JSON";
                raw = malformed(body);
            }
            case 5 -> {
                contentType = pick(HostileValues.CONTENT_TYPES);
                change = "content type " + contentType;
            }
            case 6, 7 -> {
                List<Parameter> parameters = operation.parameters().stream().filter(p -> !p.in().equals("header"))
                        .toList();
                String name = parameters.isEmpty() || random.chance(0.2) ? "unexpected"
                        : parameters.get(random.nextInt(parameters.size())).name();
                String value = pick(HostileValues.PARAMETERS);
                values.put(name, value);
                change = "parameter " + name + " is " + abbreviate(value);
            }
            default -> {
                String name = pick("If-Match", "Idempotency-Key", "Accept", "X-Correlation-Id", "traceparent");
                String value = pick(HostileValues.HEADERS);
                extraHeaders.add(name);
                extraHeaders.add(value);
                change = "header " + name + " is " + abbreviate(value);
            }
        }
        Request request = build(operation, values, body, contentType, extraHeaders, change);
        return raw == null ? request : new Request(request.method(), request.target(), request.headers(), raw,
                contentType, change);
    }

    private Request build(Operation operation, Map<String, String> values, JsonNode body, String contentType,
                          List<String> extraHeaders, String change) {
        String path = operation.path();
        StringBuilder query = new StringBuilder();
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (Map.Entry<String, String> value : values.entrySet()) {
            Parameter parameter = operation.parameters().stream().filter(p -> p.name().equals(value.getKey()))
                    .findFirst().orElse(new Parameter(value.getKey(), "query", NODES.objectNode(), false));
            switch (parameter.in()) {
                case "path" -> path = path.replace("{" + parameter.name() + "}", encode(value.getValue())
                        .replace("+", "%20"));
                case "header" -> headers.put(parameter.name(), value.getValue());
                default -> query.append(query.isEmpty() ? "?" : "&").append(encode(parameter.name())).append('=')
                        .append(encode(value.getValue()));
            }
        }
        for (int i = 0; i < extraHeaders.size(); i += 2) {
            headers.put(extraHeaders.get(i), extraHeaders.get(i + 1));
        }
        List<String> flat = new ArrayList<>();
        headers.forEach((name, value) -> {
            flat.add(name);
            flat.add(value);
        });
        byte[] bytes = body == null ? null : json(body).getBytes(StandardCharsets.UTF_8);
        return new Request(operation.method(), path + query, List.copyOf(flat), bytes, contentType, change);
    }

    /** Values for the parameters: every required one, each optional one at random. */
    private Map<String, String> values(Operation operation) {
        Map<String, String> values = new LinkedHashMap<>();
        for (Parameter parameter : operation.parameters()) {
            if (parameter.required() || parameter.in().equals("path") || random.chance(0.4)) {
                String value = parameter.name().equals("If-Match") ? "\"" + random.nextInt(5) + "\""
                        : parameter.name().equals("Idempotency-Key") ? UUID.randomUUID().toString()
                        : valid(parameter.schema(), parameter.name()).asString();
                values.put(parameter.name(), value);
            }
        }
        return values;
    }

    private JsonNode body(Operation operation) {
        return operation.body() == null ? null : valid(operation.body(), "body");
    }

    /** A value that fits a schema. */
    private JsonNode valid(JsonNode schema, String name) {
        schema = resolve(schema);
        if (schema.has("enum")) {
            List<JsonNode> options = schema.get("enum").valueStream().toList();
            return options.get(random.nextInt(options.size()));
        }
        String type = schema.path("type").asString();
        return switch (type) {
            case "integer" -> {
                long min = schema.has("minimum") ? schema.get("minimum").asLong() : 1;
                long max = schema.has("maximum") ? Math.min(schema.get("maximum").asLong(), min + 5) : min + 5;
                yield NODES.numberNode(min + random.nextLong(0, max - min + 1));
            }
            case "number" -> NODES.numberNode(BigDecimal.valueOf(random.nextInt(10_000), 2));
            case "boolean" -> NODES.booleanNode(random.chance(0.5));
            case "array" -> {
                ArrayNode array = NODES.arrayNode();
                array.add(valid(schema.path("items"), name));
                yield array;
            }
            case "string" -> NODES.stringNode(text(schema, name));
            default -> {
                ObjectNode object = NODES.objectNode();
                List<String> required = schema.path("required").valueStream().map(JsonNode::asString).toList();
                for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
                    if (required.contains(property.getKey()) || random.chance(0.5)) {
                        object.set(property.getKey(), valid(property.getValue(), property.getKey()));
                    }
                }
                yield object;
            }
        };
    }

    private String text(JsonNode schema, String name) {
        String format = schema.path("format").asString();
        String known = knownIds.apply(name);
        if (format.equals("uuid")) {
            return known != null && random.chance(0.7) ? known : UUID.randomUUID().toString();
        }
        if (format.equals("date")) {
            return "2026-0" + (1 + random.nextInt(9)) + "-1" + random.nextInt(10);
        }
        if (schema.path("pattern").asString().equals("[A-Z]{3}")) {
            return pick("EUR", "EUR", "USD", "JPY", "XAU", "ABC");
        }
        if (name.equals("origin")) {
            return pick("subscription:orders", "saga-step:fulfilment/reserve", "nope");
        }
        int max = schema.has("maxLength") ? schema.get("maxLength").asInt() : 40;
        String text = pick("Lyon", "1 Rue de la République", "La Poste", "TRK-1", "r-" + random.nextInt(1000), "a");
        return text.length() > max ? text.substring(0, max) : text;
    }

    private JsonNode resolve(JsonNode schema) {
        JsonNode current = schema;
        while (current.has("$ref")) {
            String ref = current.get("$ref").asString();
            current = document.at(ref.substring(1));
        }
        return current;
    }

    /** Replaces one value somewhere in the body (a field of an object, an element of an array) by a raw token. */
    private JsonNode replaceLeaf(JsonNode body, String token) {
        List<JsonNode> containers = new ArrayList<>();
        collect(body, containers);
        JsonNode container = containers.get(random.nextInt(containers.size()));
        if (container instanceof ObjectNode object) {
            List<String> names = new ArrayList<>(object.propertyNames());
            String name = names.isEmpty() ? "unexpected" : names.get(random.nextInt(names.size()));
            object.put(name, RAW + token);
        } else if (container instanceof ArrayNode array) {
            array.set(random.nextInt(array.size()), NODES.stringNode(RAW + token));
        }
        return body;
    }

    private static void collect(JsonNode node, List<JsonNode> containers) {
        if (node instanceof ObjectNode || node instanceof ArrayNode && !node.isEmpty()) {
            containers.add(node);
            node.valueStream().forEach(child -> collect(child, containers));
        }
    }

    private JsonNode removeField(JsonNode body) {
        List<JsonNode> containers = new ArrayList<>();
        if (body != null) {
            collect(body, containers);
        }
        List<JsonNode> objects = containers.stream().filter(c -> c instanceof ObjectNode && !c.isEmpty()).toList();
        if (!objects.isEmpty()) {
            ObjectNode object = (ObjectNode) objects.get(random.nextInt(objects.size()));
            List<String> names = new ArrayList<>(object.propertyNames());
            object.remove(names.get(random.nextInt(names.size())));
        }
        return body;
    }

    private byte[] malformed(JsonNode body) {
        if (body != null && random.chance(0.4)) {
            byte[] text = json(body).getBytes(StandardCharsets.UTF_8);
            if (random.chance(0.5)) {
                return Arrays.copyOf(text, random.nextInt(text.length));
            }
            byte[] broken = text.clone();
            broken[random.nextInt(broken.length)] = (byte) (int) pick(0xC3, 0xFF, 0x80, 0x00, 0xED);
            return broken;
        }
        return pick(HostileValues.MALFORMED).getBytes(StandardCharsets.UTF_8);
    }

    /** The body as JSON text, with the raw tokens put in place of their placeholders. */
    private static String json(JsonNode body) {
        String text = Api.JSON.writeValueAsString(body);
        StringBuilder out = new StringBuilder();
        int at = 0;
        String marker = "\"" + RAW;
        for (int start = text.indexOf(marker); start >= 0; start = text.indexOf(marker, at)) {
            out.append(text, at, start);
            JsonNode token = Api.JSON.readTree(text.substring(start, endOfString(text, start) + 1));
            out.append(token.asString().substring(RAW.length()));
            at = endOfString(text, start) + 1;
        }
        return out.append(text.substring(at)).toString();
    }

    private static int endOfString(String text, int start) {
        for (int i = start + 1; i < text.length(); i++) {
            if (text.charAt(i) == '\\') {
                i++;
            } else if (text.charAt(i) == '"') {
                return i;
            }
        }
        throw new IllegalStateException("unterminated string at " + start);
    }

    @SafeVarargs
    private <T> T pick(T... values) {
        return random.pick(values);
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static String abbreviate(String text) {
        return text.length() <= 100 ? text : text.substring(0, 100) + "...(" + text.length() + " chars)";
    }
}
