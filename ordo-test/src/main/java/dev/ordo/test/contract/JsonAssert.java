package dev.ordo.test.contract;

import dev.ordo.jackson.OrdoJson;
import tools.jackson.databind.JsonNode;

/** Compares JSON documents by value: stores may reformat a payload (PostgreSQL's jsonb does). */
final class JsonAssert {

    private JsonAssert() {
    }

    static JsonNode parse(String json) {
        return OrdoJson.mapper().readTree(json);
    }
}
