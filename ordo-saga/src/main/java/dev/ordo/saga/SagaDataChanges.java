package dev.ordo.saga;

import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a step changed in the saga's data, as a JSON merge patch (RFC 7386): the members whose value changed, a
 * nested object as the patch of its own members, a removed member as {@code null}. A step then records only what it
 * changed instead of the whole data again (a fulfilment's order lines, address and total would otherwise be written
 * once per step). A merge patch cannot tell a member set to {@code null} from a removed one, so the data's codec must
 * read a missing member as {@code null}, as Jackson does for records. Stateless.
 */
final class SagaDataChanges {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private SagaDataChanges() {
    }

    /**
     * The patch that turns {@code before} into {@code after}; an empty object when they are the same JSON value;
     * {@code null} when either is not a JSON object (the whole data is then recorded).
     */
    static ObjectNode diff(String before, String after) {
        JsonNode from = parse(before);
        JsonNode to = parse(after);
        if (from == null || to == null || !from.isObject() || !to.isObject()) {
            return null;
        }
        return diff((ObjectNode) from, (ObjectNode) to);
    }

    private static ObjectNode diff(ObjectNode from, ObjectNode to) {
        ObjectNode patch = JsonNodeFactory.instance.objectNode();
        for (Map.Entry<String, JsonNode> member : to.properties()) {
            JsonNode old = from.get(member.getKey());
            JsonNode now = member.getValue();
            if (old != null && old.equals(now)) {
                continue;
            }
            patch.set(member.getKey(), old != null && old.isObject() && now.isObject()
                    ? diff((ObjectNode) old, (ObjectNode) now) : now);
        }
        for (String name : from.propertyNames()) {
            if (!to.has(name)) {
                patch.putNull(name);
            }
        }
        return patch;
    }

    /** The data with the patch applied. */
    static String apply(String data, JsonNode patch) {
        JsonNode target = parse(data);
        return JSON.writeValueAsString(merge(target, patch));
    }

    private static JsonNode merge(JsonNode target, JsonNode patch) {
        if (!patch.isObject()) {
            return patch;
        }
        ObjectNode result = target != null && target.isObject() ? ((ObjectNode) target).deepCopy()
                : JsonNodeFactory.instance.objectNode();
        for (Map.Entry<String, JsonNode> member : patch.properties()) {
            if (member.getValue().isNull()) {
                result.remove(member.getKey());
            } else {
                result.set(member.getKey(), merge(result.get(member.getKey()), member.getValue()));
            }
        }
        return result;
    }

    private static JsonNode parse(String json) {
        if (json == null) {
            return null;
        }
        try {
            return JSON.readTree(json);
        } catch (JacksonException notJson) {
            return null;
        }
    }
}
