package dev.ordo.gateway;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The marketplace's one OpenAPI document when it runs as services. Each service documents only the paths it serves
 * ({@code /v3/api-docs}, springdoc); this reads them all and merges them, so that a client sees the same document
 * as the embedded marketplace's. Thread-safe.
 */
final class ApiDocuments {

    /** A service's document could not be read: the merged one would be incomplete. */
    static final class UnavailableException extends RuntimeException {
        UnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final JsonMapper json = JsonMapper.builder().build();
    private final RestClient http;
    private final List<URI> services;

    /**
     * @param services the services' base URLs; the first one's document gives the title and version, and wins when
     *                 two document the same path and method
     * @param requests how to call the services (their TLS settings and timeouts)
     */
    ApiDocuments(List<URI> services, ClientHttpRequestFactory requests) {
        this.http = RestClient.builder().requestFactory(requests).build();
        this.services = List.copyOf(services);
    }

    /**
     * The merged document, whose only server is {@code publicUrl}.
     *
     * @throws UnavailableException when a service's document cannot be read
     */
    ObjectNode merged(String publicUrl) {
        List<JsonNode> documents = new ArrayList<>();
        for (URI service : services) {
            documents.add(read(service));
        }
        ObjectNode merged = merge(documents);
        ArrayNode servers = merged.putArray("servers");
        servers.addObject().put("url", publicUrl).put("description", "the marketplace's gateway");
        return merged;
    }

    private JsonNode read(URI service) {
        URI document = service.resolve("/v3/api-docs");
        try {
            return json.readTree(http.get().uri(document).retrieve().body(String.class));
        } catch (RestClientException | JacksonException e) {
            throw new UnavailableException("the API document of " + document + " could not be read: "
                    + e.getMessage(), e);
        }
    }

    /**
     * The first document with what the others add: the operations (path and method) it lacks, the components
     * (schemas, parameters, ...) it lacks by name, and the tags it lacks by name. What two documents both have is
     * taken from the first.
     */
    static ObjectNode merge(List<JsonNode> documents) {
        ObjectNode merged = (ObjectNode) documents.getFirst().deepCopy();
        for (JsonNode other : documents.subList(1, documents.size())) {
            addMissing(merged.withObjectProperty("paths"), other.path("paths"), 2);
            addMissing(merged.withObjectProperty("components"), other.path("components"), 2);
            addMissingTags(merged, other.path("tags"));
        }
        return merged;
    }

    /** Adds the entries of {@code from} that {@code into} lacks, looking {@code depth} levels of objects deep. */
    private static void addMissing(ObjectNode into, JsonNode from, int depth) {
        for (Map.Entry<String, JsonNode> entry : from.properties()) {
            JsonNode present = into.get(entry.getKey());
            if (present == null) {
                into.set(entry.getKey(), entry.getValue().deepCopy());
            } else if (depth > 1 && present instanceof ObjectNode object && entry.getValue().isObject()) {
                addMissing(object, entry.getValue(), depth - 1);
            }
        }
    }

    private static void addMissingTags(ObjectNode into, JsonNode tags) {
        if (!tags.isArray() || tags.isEmpty()) {
            return;
        }
        ArrayNode present = into.withArrayProperty("tags");
        for (JsonNode tag : tags) {
            boolean known = present.valueStream().anyMatch(t -> t.path("name").equals(tag.path("name")));
            if (!known) {
                present.add(tag.deepCopy());
            }
        }
    }
}
