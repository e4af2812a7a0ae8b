package dev.ordo.jackson;

import tools.jackson.databind.node.ObjectNode;

/**
 * A stored event's payload on its way from an old schema to the current one.
 *
 * @param eventType     the stored type name at this step
 * @param schemaVersion the schema version of {@code payload}
 * @param payload       the payload as a JSON object
 */
public record UpcastEvent(String eventType, int schemaVersion, ObjectNode payload) {
}
